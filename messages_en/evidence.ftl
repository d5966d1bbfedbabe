## The evidence pack (/evidence, ogp-bot evidence): OGP's Participation and Co-Creation Standards, requirement by
## requirement. The standards' own words, quoted with their source; the rest is ours.

ev-title = Evidence for the Participation and Co-Creation Standards — { $plan }
ev-period = Period: { $since } to { $until } — prepared on { $made }
ev-intro = This pack takes the Open Government Partnership's Participation and Co-Creation Standards (in force since 2022) one by one and, for each minimum requirement, says what the bot recorded and which attached files show it. A requirement the bot holds no evidence for is listed as a gap in its place, and again at the end of the pack.
ev-std-1 = Standard 1: a space for ongoing dialogue and collaboration between government and civil society
ev-std-1-quote = “Establishing a space for ongoing dialogue and collaboration between government, civil society and other non-governmental stakeholders.” (OGP, Participation and Co-Creation Standards)
ev-std-2 = Standard 2: open, accessible and timely information about participation in OGP
ev-std-2-quote = “Providing open, accessible and timely information about activities and progress within a member's participation in OGP.” (OGP, Participation and Co-Creation Standards)
ev-std-3 = Standard 3: inclusive and informed opportunities for public participation during co-creation
ev-std-3-quote = “Providing inclusive and informed opportunities for public participation during co-creation of the action plan.” (OGP, Participation and Co-Creation Standards)
ev-std-4 = Standard 4: a reasoned response and ongoing dialogue during co-creation
ev-std-4-quote = “Providing a reasoned response and ensuring ongoing dialogue between government and civil society and other non-governmental stakeholders as appropriate during co-creation of the action plan.” (OGP, Participation and Co-Creation Standards)
ev-std-5 = Standard 5: dialogue and collaboration during implementation and monitoring
ev-std-5-quote = “Providing inclusive and informed opportunities for ongoing dialogue and collaboration during implementation and monitoring of the action plan.” (OGP, Participation and Co-Creation Standards)

ev-req-1-meets = The forum meets regularly, at least every six months
ev-quote-1-meets = “A space for ongoing dialogue … that meets regularly (at least every six months) is established.” (OGP glossary, Minimum Requirements)
ev-req-1-rules = The forum's rules of participation are public
ev-quote-1-rules = “Its basic rules on participation are public.” (OGP glossary, Minimum Requirements)
ev-req-2-website = A public OGP website
ev-quote-2-website = “A public OGP website dedicated to the members participation in OGP is maintained.” (OGP glossary, Minimum Requirements)
ev-req-2-repository = A repository updated at least twice a year
ev-quote-2-repository = “all countries must maintain a repository as part of or in addition to their OGP website, updated at least twice a year.” (OGP glossary, Repository)
ev-req-3-timeline = The timeline published at least two weeks before co-creation starts
ev-quote-3-timeline = The IRM's review of Jordan asked for the timeline to be published at least two weeks before co-creation starts (as issue 13 of this project records it; the requirement's own text is not quoted).
ev-req-4-reasoned = A reasoned response to stakeholders' input
ev-quote-4-reasoned = “governments explaining to stakeholders why certain priorities, ideas or activities were or were not included in the action plan. This is referred to as a reasoned response” (OGP glossary, Reasoned Response)
ev-req-5-meetings = At least two meetings a year with civil society to present the results of implementation
ev-quote-5-meetings = “The MSF where established, or the government where there is no MSF, holds at least two meetings every year with civil society to present results on the implementation of the action plan and collect comments.” (OGP National Handbook, Minimum Requirement 5.1)
ev-req-5-progress = Progress documented with its evidence, and the IRM's assessment beside it
ev-quote-5-progress = “Stakeholder engagement during implementation helps to hold the government and implementing partners accountable.” (OGP National Handbook, Implementing Action Plans)

ev-recorded = What the bot recorded:
ev-nothing-recorded = Nothing in this period.
ev-files = Files: { $files }
ev-gap = ⚠️ Gap: { $gap }
ev-met = ✅ No gap in what the bot recorded for this period.
ev-gaps-title = Gaps
ev-no-gaps = No gaps in what the bot recorded for this period.
ev-gap-summary = • { $requirement }: { $gap }
ev-interval = from { $start } to { $end }

ev-round-line = { $name } — { $date } ({ $count ->
    [0] nobody joined through the bot
    [one] one participant joined through the bot
   *[other] { $count } participants joined through the bot
})
ev-gap-meets = More than six months passed without a meeting: { $intervals }.
ev-gap-rules = The rules of participation were not published with /rules before the period ended.
ev-rules-version =
    — The rules of participation as published on { $date } —
    { $text }
ev-rules-line = The rules of participation were published (or changed) on { $date }.
ev-gap-website = The bot does not record the public website; attach its address and what was published on it from outside this pack.
ev-snapshot-line = Snapshot of the open data on { $date } ({ $count ->
    [0] no recommendations
    [one] one recommendation
   *[other] { $count } recommendations
})
ev-gap-repository = More than six months passed without a published snapshot of the open data: { $intervals }.
ev-timeline-line = { $name }: announced on { $announced }, held on { $held } ({ $days ->
    [0] the same day
    [one] one day later
   *[other] { $days } days later
})
ev-timeline-sent = — the announcement was sent through the bot on { $date } to { $count ->
    [0] nobody
    [one] one person
   *[other] { $count } people
}.
ev-timeline-missing = “{ $name }” without an announcement date
ev-timeline-short = “{ $name }” { $days ->
    [0] announced on the day it was held
    [one] announced only one day before
   *[other] announced only { $days } days before
}
ev-timeline-confirmed = (with the coordinator's recorded confirmation)
ev-gap-no-rounds = No consultation round or meeting was held in this period.
ev-gap-timeline = Timelines not published two weeks ahead: { $rounds }.
ev-responses = { $total ->
    [0] No recommendations arrived in this period.
    [one] One recommendation arrived; { $answered ->
        [0] it has no reasoned response yet
       *[other] it was answered with a reasoned response
    }; { $told ->
        [0] its author was not told of a reply.
       *[other] its author was told of the reply.
    }
   *[other] { $total } recommendations arrived; { $answered ->
        [0] none of them answered with a reasoned response yet
       *[other] { $answered } of them answered with a reasoned response
    }; { $told ->
        [0] no author was told of a reply.
        [one] their authors were told in one case.
       *[other] their authors were told in { $told } cases.
    }
}
ev-responses-waiting = { $count ->
    [one] one recommendation waiting for a reply
   *[other] { $count } recommendations waiting for a reply
}
ev-responses-missing = { $count ->
    [one] one recommendation turned down (in full or in part) without a written reason
   *[other] { $count } recommendations turned down (in full or in part) without a written reason
}
ev-year-line = The year from { $start } to { $end }: { $count ->
    [0] no meetings
    [one] one meeting
   *[other] { $count } meetings
}
ev-period-under-a-year = The period is shorter than a whole year; { $count ->
    [0] no meeting was held in it
    [one] one meeting was held in it
   *[other] { $count } meetings were held in it
}.
ev-gap-meetings = { $count ->
    [one] One year
   *[other] { $count } years
} with fewer than two meetings.
ev-progress = { $count ->
    [0] No progress updates
    [one] One progress update
   *[other] { $count } progress updates
}{ $evidence ->
    [0] {""}
   *[other] , { $evidence } of them with an evidence link
}.
ev-irm = The IRM's assessment is entered for { $count ->
    [0] no commitment yet
    [one] one commitment
   *[other] { $count } commitments
}.
ev-gap-progress = No progress update was published in this period.

ev-col-round = Round
ev-col-held = Held on
ev-col-place = Place
ev-col-state = Round state
ev-col-announced = Announced on
ev-col-notice-days = Days of notice
ev-col-short-confirmed = Short notice confirmed
ev-col-announcement-sent = Announcement sent
ev-col-recipients = Sent to
ev-col-members = Joined through the bot
ev-col-hall = Attended in the hall
ev-col-hall-officers = Liaison officers among them
ev-col-taken = Taken on
ev-col-folder = Folder
ev-col-files = Files
ev-col-on-disk = Files on disk
ev-col-missing-reason = Turned down without reason
ev-col-answers = Replies
ev-col-answered-at = Replied on

evidence-title = 📦 Evidence for OGP's standards. The open data's snapshots kept:
evidence-no-snapshots = No snapshot has been taken yet.
evidence-snapshot-line = • { $date }: { $files }
evidence-snapshot-folder = Snapshots are kept on the server in: { $folder }
evidence-whole = 📦 Evidence pack for the plan's period (to today while it runs)
evidence-period = 📅 Pack for a period
evidence-snapshot-now = 📸 Snapshot of the open data now
evidence-no-folder = No folder for snapshots is set on the server.
evidence-snapshot-taken = A new snapshot of the open data was taken in folder { $folder }.
evidence-too-large = The pack is too large to send in the chat ({ $megabytes } MB). Get it on the server with: ogp-bot evidence
evidence-caption = Evidence for the participation standards from { $since } to { $until } — { $gaps ->
    [0] no gaps in what the bot recorded
    [one] one gap, listed in the index
   *[other] { $gaps } gaps, listed in the index
}.
command-evidence = OGP standards: the evidence pack and snapshots

rem-snapshot-due = 🗂️ The newest published snapshot of the open data is from { $date }, more than five months old. OGP's standards ask for the evidence repository to be updated at least twice a year: take a new snapshot from /evidence.
rem-snapshot-never = 🗂️ No snapshot of the open data has been taken since the bot came into use on { $date }. OGP's standards ask for the evidence repository to be updated at least twice a year: take one from /evidence.
rem-button-evidence = 📦 Evidence pack
