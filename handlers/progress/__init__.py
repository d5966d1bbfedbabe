"""Progress on commitments: what officers report and what reminds them to.

Updates and their import from a sheet, milestones, the IRM, reminders, the schedule and nudges.
"""
