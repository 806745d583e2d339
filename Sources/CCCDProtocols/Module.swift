public enum CCCDProtocolsModule {}
