"""Coordination tools: what coordinators use to run the process.

Broadcasts, invitations, the team, exports, reports, the evidence pack, figures, held messages and the rules.
"""
