#!/usr/bin/env python3
"""Case 1: a child that prints. Python: Process(target=say_hello).start()"""
import os

print(f"hello from the child process, pid {os.getpid()}")
print("the child is done")
