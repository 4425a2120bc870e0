print("adem")
