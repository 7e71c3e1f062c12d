"""`python -m sourcebook ...` is the `sourcebook` command."""

from sourcebook.cli import main

main()
