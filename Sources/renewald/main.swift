print("renewald")
