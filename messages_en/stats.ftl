## /stats: figures for coordinators, and the words of the chart.

stats-title = 📈 Statistics for { $plan }
stats-participants = { $count ->
    [0] There are no registered participants yet.
    [one] One registered participant.
   *[other] { $count } registered participants.
}
stats-by-sector = By sector:
stats-by-governorate = By governorate:
stats-line = • { $name }: { $count }
stats-unspecified = Not specified
stats-commitments = Recommendations by commitment:
stats-commitment-line = Commitment { $number }: { $count ->
    [0] no recommendations
    [one] one recommendation
   *[other] { $count } recommendations
} — reply rate: { $rate } — median time to reply: { $median }
stats-rate = { $rate }%
stats-rate-none = —
stats-states = ↳ { $states }
stats-days = { $days ->
    [0] less than a day
    [one] one day
   *[other] { $days } days
}
stats-no-answers = no replies yet
stats-no-recommendations = No recommendation has been received yet.
stats-chart-no-participants = No registered participants yet
stats-chart-caption = The chart: recommendations by commitment and state, and participants by sector.
stats-chart-title = Recommendations by commitment and state
stats-chart-commitment = Commitment { $number }
stats-chart-bar-note = replied { $rate } · median { $median }
stats-chart-sectors = Participants by sector
stats-chart-count = Count
menu-stats = 🧮 Statistics
command-stats = Statistics on participation and replies
