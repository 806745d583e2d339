public enum CCCDKitModule {}
