print("cccdd")
