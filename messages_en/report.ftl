## The meeting report (.docx), shaped like the coordinating unit's own reports; and /report in the chat.

rep-title = Report on stakeholder input into the { $plan }
rep-title-round = Report of { $round }
rep-intro = The { $owner } gathered the input of stakeholders, civil society organisations and the liaison officers implementing the { $plan } through the follow-up bot, in order to present what has been achieved in the plan's commitments and to make recommendations on how to complete their implementation. This report presents the main recommendations on each commitment, grouped by theme, the most endorsed first, followed by the current state of the commitment's implementation.
## A round's report: the meeting as the seed tells it (held on, where, who attended), then the groups' findings.
rep-round-intro = The { $owner } held { $round } on { $weekday } { $date } { $place }, as part of the { $plan }, in order to present what has been achieved in the plan's commitments and to discuss their progress with stakeholders. This report presents the attendance, then the main findings on each commitment, grouped by discussion question and theme, the most endorsed first, followed by the current state of the commitment's implementation.
rep-round-intro-undated = The { $owner } held { $round } { $place }, as part of the { $plan }, in order to present what has been achieved in the plan's commitments and to discuss their progress with stakeholders. This report presents the attendance, then the main findings on each commitment, grouped by discussion question and theme, the most endorsed first, followed by the current state of the commitment's implementation.
rep-round-place = at { $place }
rep-weekday = { $day ->
    [0] Monday
    [1] Tuesday
    [2] Wednesday
    [3] Thursday
    [4] Friday
    [5] Saturday
   *[6] Sunday
}
rep-attendance = { $count ->
    [0] No participant joined the meeting through the bot
    [one] One participant attended the meeting
   *[other] { $count } participants attended the meeting
}
rep-attendance-with-officers = { $attendance }, { $officers }
rep-attendance-officers = { $count ->
    [one] among them one liaison officer for the plan's implementation
   *[other] among them { $count } liaison officers for the plan's implementation
}
rep-attendance-organisations = The organisations taking part included: { $organisations }.
rep-attendance-organisations-count = { $count ->
    [one] They represented one organisation.
   *[other] They represented { $count } organisations.
}
rep-organisation-count = { $organisation } ({ $count })
rep-attendance-groups = The participants split into working groups, one for each commitment: { $groups }.
rep-attendance-group = commitment { $number } ({ $count })
rep-participants = { $count ->
    [0] No participant has sent any input yet.
    [one] One participant sent input.
   *[other] { $count } participants sent input.
}
rep-sectors = They came from these sectors: { $sectors }.
rep-sector-count = { $sector } ({ $count })
rep-sector-unknown = Not specified
rep-commitment-heading = Main findings on { $number ->
    [1] the first commitment
    [2] the second commitment
    [3] the third commitment
    [4] the fourth commitment
    [5] the fifth commitment
    [6] the sixth commitment
    [7] the seventh commitment
    [8] the eighth commitment
    [9] the ninth commitment
    [10] the tenth commitment
    [11] the eleventh commitment
    [12] the twelfth commitment
    [13] the thirteenth commitment
    [14] the fourteenth commitment
    [15] the fifteenth commitment
    [16] the sixteenth commitment
    [17] the seventeenth commitment
    [18] the eighteenth commitment
    [19] the nineteenth commitment
    [20] the twentieth commitment
   *[other] commitment { $number }
}:
rep-commitment-title = “{ $title }” — { $agency }
rep-theme = · { $theme }:
rep-theme-other = Another theme
rep-list-and = { $rest } and { $last }
rep-endorsements = { $count ->
    [one] (endorsed by one participant)
   *[other] (endorsed by { $count } participants)
}
rep-raised-by = { $count ->
    [one] (raised by one person or group)
   *[other] (raised by { $count } people / groups)
}
rep-no-recommendations = No recommendations were received on this commitment.
rep-status = Current state of the commitment: completion “{ $completion }”, { $progress }% progress, as of the latest update on { $date }.
rep-status-note = The liaison officer's note: { $note }
rep-status-none = Current state of the commitment: no update on its implementation has been published yet.

rep-choose-scope = Which report would you like?
rep-scope-plan = 📄 The whole plan
rep-caption = The meeting report as a Word file, ready to edit and publish.
menu-report = 📝 Meeting report
command-report = The meeting report as a Word file

# The document's author (OGP_REPORT_AUTHOR replaces it): the coordinating unit.
rep-author = Open Government Unit — Ministry of Planning and International Cooperation
rep-joined-bot = { $count ->
    [0] Nobody joined the working groups through the bot
    [one] One participant joined the working groups through the bot
   *[other] { $count } participants joined the working groups through the bot
}
rep-hall = { $count ->
    [0] No attendance was recorded in the hall
    [one] One participant attended the meeting
   *[other] { $count } participants attended the meeting
}
rep-hall-among = { $attendance }, among them { $parts }
rep-hall-separator = {", "}
rep-hall-officers = { $count ->
    [one] one of the plan's liaison officers
   *[other] { $count } of the plan's liaison officers
}
rep-hall-part = { $count ->
    [one] one from { $group }
   *[other] { $count } from { $group }
}

## Evidence files of the newest progress update.
rep-status-files = Evidence files attached to this update: { $files } (published on the commitment's page of the public site, and included in the export with files).
