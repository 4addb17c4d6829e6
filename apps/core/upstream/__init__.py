"""Workarounds for upstream behaviour, one module each; every module names the upstream version
it was written against and when to remove it. Nothing outside this package patches a library.
"""
