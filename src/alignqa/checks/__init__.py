"""Checks over aligned document pairs: each module registers one check with ``registry.register``.

``builtin`` imports every built-in check; ``registry.all_checks()`` imports ``builtin`` first.
"""
