"""`python -m sourcebook ...` is the `sourcebook` command."""

from .cli import main

main()
