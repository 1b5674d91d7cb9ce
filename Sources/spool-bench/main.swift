print("spool-bench: see issue 6")
