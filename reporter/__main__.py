"""Run reporter as ``python -m reporter``."""

from reporter.cli import main

if __name__ == "__main__":
    main()
