public enum CCCDLDSModule {}
