"""`make bench`: Parley's figures beside floors measured in the same run (README, "Measured")."""
