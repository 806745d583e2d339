public enum CCCDTestSupportModule {}
