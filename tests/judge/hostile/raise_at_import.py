# expect: runtime_error
raise ValueError("broken on purpose")
