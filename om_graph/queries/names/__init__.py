"""Names for ids: what a finding's evidence points at (people, organisations), worded by name in every human format."""
