"""Framework conditions (Rahmenbedingungen) of the 2012 criteria: OM101-OM112."""
