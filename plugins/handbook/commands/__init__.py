"""Subcommands of the `handbook` command: each module defines `register(subparsers)`.

Modules here are found automatically, so adding a command is adding a module.
"""
