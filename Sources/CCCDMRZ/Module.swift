public enum CCCDMRZModule {}
