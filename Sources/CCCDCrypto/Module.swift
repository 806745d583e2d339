public enum CCCDCryptoModule {}
