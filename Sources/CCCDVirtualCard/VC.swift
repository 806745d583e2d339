public enum VC {}
