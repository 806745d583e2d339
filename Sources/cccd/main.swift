print("cccd")
