## The public tracker and the open-data card (public/). Dates arrive already written as 30/9/2019.

pub-site-name = Tracking the National Action Plan of the Open Government Partnership
pub-skip = Skip to content
pub-nav-label = Main navigation
pub-nav-home = The plan and its commitments
pub-nav-open-data = Open data
pub-footer-licence = Data published under { $licence }
pub-feed-link = Feed of updates (Atom)
pub-feed-title = Updates on the national action plan and the responses to recommendations
pub-percent = { NUMBER($value, useGrouping: 0) }%

pub-home-title = The national action plan and its progress
pub-home-intro = This page is a public record of the plan followed by the { $owner }: what each commitment has achieved, the recommendations received from civil society and citizens, and the responses to them.
pub-plan-dates = The plan runs from { $start } to { $end }.
pub-plan-extended = It was extended to { $date }.
pub-no-plan = There is no active plan yet.
pub-commitments = Commitments
pub-commitment-heading = Commitment { $number }: { $title }
pub-commitment-count = { $count ->
    [0] No commitments
    [one] One commitment
   *[other] { $count } commitments
}
pub-ogp-id = OGP id
pub-lead-agency = Lead agency
pub-dates = Period
pub-date-range = From { $start } to { $end }
pub-completion = Completion
pub-progress = Progress
pub-milestones = Milestones
pub-milestones-done = { $total ->
    [0] No milestones recorded
   *[other] { $done } of { $total } done
}
pub-recommendations = Recommendations
pub-received = { $count ->
    [0] No recommendations received
    [one] One recommendation received
   *[other] { $count } recommendations received
}
pub-answered = { $count ->
    [0] none answered yet
   *[other] { $count } answered
}
pub-received-answered = { $received }, { $answered }
pub-separator = ,
pub-rounds = Consultation rounds
pub-no-rounds = No consultation round has been held through the platform yet.
pub-earlier-plans = Earlier plans

pub-themes = Themes:
pub-due = due { $date }
pub-no-milestones = No milestones have been added to this commitment yet.
pub-updates = Progress updates
pub-no-updates = No updates have been published for this commitment yet.
pub-milestone-reported = Milestone ({ $state }):
pub-evidence = Evidence:
pub-published-recommendations = Published recommendations and the responses to them
pub-published-note = { $count ->
    [0] No recommendations on this commitment have been published yet. A recommendation is published once it is answered or a coordinator approves it.
    [one] One published recommendation, newest first.
   *[other] { $count } published recommendations, newest first.
}
pub-rec-heading = Recommendation no. { NUMBER($id, useGrouping: 0) }
pub-theme-other = Another theme
pub-endorsements = { $count ->
    [0] No endorsements
    [one] One endorsement
   *[other] { $count } endorsements
}
pub-author-named = From: { $name } ({ $organisation })
pub-author-sector = From: { $sector }
pub-author-sector-governorate = From: { $sector }, { $governorate }
pub-author-unknown = From: a participant
pub-author-group = From: { $group }
pub-response = Response from the lead agency
pub-pages-label = Pages of recommendations
pub-page-of = Page { $page } of { $pages }
pub-newer = Newer recommendations
pub-older = Older recommendations

pub-round-date = Date
pub-round-undated = No date set
pub-round-place = Place
pub-round-state = Status
pub-round-state-open = Open for input
pub-round-state-closed = Closed
pub-round-report = Download the round's report (Word file)
pub-round-hall = { $count ->
    [0] No attendance was recorded in the hall
    [one] One person attended in the hall
   *[other] { $count } people attended in the hall
}
pub-round-hall-officers = { $count ->
    [one] among them one liaison officer
   *[other] among them { $count } liaison officers
}
pub-round-hall-with-officers = { $hall }, { $officers }.
pub-round-attendance = Participants
pub-sector-unknown = Unspecified
pub-round-findings = Main findings on commitment { $number }: { $title }
pub-round-heard = What we heard, what we did: each published input of this round, where it stands and the lead agency's response.
pub-round-join = Join this round in the bot
pub-round-join-qr = Scan the code with a phone's camera to join the round in the bot.
pub-round-no-findings = No findings have been published for this group yet.

pub-data-title = Open data
pub-data-intro = Everything these pages show is also available as files you can download and reuse, at stable addresses, updated automatically from the same data the platform uses.
pub-data-licence = Licence
pub-data-frequency = Update frequency
pub-data-frequency-value = Immediate: every change appears the next time the file is requested.
pub-data-contact = Contact
pub-data-contact-none = No contact has been set.
pub-data-published = What is published
pub-data-published-approved = A recommendation, once it is answered or a coordinator approves it; hidden recommendations are never published. Its author appears only by sector and governorate, and by name and organisation if they agreed.
pub-data-published-immediate = A recommendation as soon as it arrives; hidden recommendations are never published. Its author appears only by sector and governorate, and by name and organisation if they agreed.
pub-data-never = What is never published
pub-data-never-value = Phone numbers, chat ids, invitation codes, the audit log and unpublished input.
pub-file-commitments = The plans and their commitments: completion, progress, milestones, and how many recommendations were received and answered.
pub-file-updates = The public log of every update in time order, appended to and never rewritten: progress updates, milestone states and written responses to recommendations.
pub-file-recommendations = Every published recommendation with its status and the lead agency's response.
pub-file-recommendations-csv = The same fields as a spreadsheet file (CSV in UTF-8 with a byte-order mark, so that Excel reads it).
pub-file-meetings = Consultation rounds: when and where they were held, participants by sector, and their report.
pub-file-feed = An Atom feed of the latest updates and responses, for feed readers.
pub-file-format-json = A JSON file, and a description of its structure (JSON Schema):
pub-file-format-csv = A CSV file, and its columns:
pub-file-format-atom = An Atom feed; the elements of each entry match the fields of:
pub-fields-caption = Fields of { $file }
pub-field = Field
pub-field-meaning = Meaning

pub-field-id = A stable identifier of the record, never changed or reused.
pub-field-number = The commitment's number in the plan.
pub-field-ogp_id = The commitment's id in the Open Government Partnership (such as JO0059).
pub-field-title_ar = The title in Arabic.
pub-field-title_en = The title in English.
pub-field-lead_agency_ar = The lead agency in Arabic.
pub-field-lead_agency_en = The lead agency in English.
pub-field-start_date = Start date (YYYY-MM-DD).
pub-field-end_date = End date (YYYY-MM-DD).
pub-field-completion = Completion on OGP's scale: not_started, limited, substantial or complete.
pub-field-progress = Progress as a percentage in the latest update.
pub-field-last_update = When progress was last updated.
pub-field-milestones_done = How many milestones are complete.
pub-field-milestones_total = How many milestones there are.
pub-field-recommendations_received = How many recommendations were received (hidden ones aside).
pub-field-recommendations_answered = How many recommendations were answered with a decision.
pub-field-recommendations_published = How many recommendations are published.
pub-field-themes = The commitment's themes (key, and title in Arabic and English).
pub-field-milestones = The milestones: title, the two dates and the state.
pub-field-page = The address of the page on this site.
pub-field-commitment = The commitment's OGP id.
pub-field-date = The date and time with the offset from UTC.
pub-field-tag = The kind of update: progress, milestone or response (to a recommendation).
pub-field-note = The lead agency's note.
pub-field-evidence_url = A link to the evidence of progress.
pub-field-milestone = The milestone's title.
pub-field-milestone_state = The milestone's state.
pub-field-recommendation = The number of the recommendation answered.
pub-field-state = The status: for a recommendation new, received, under_study, accepted, partly_accepted, not_accepted or implemented; for a meeting open or closed.
pub-field-response = The lead agency's written response.
pub-field-plan = The plan's id.
pub-field-commitment_number = The commitment's number in its plan.
pub-field-theme = The theme's key, or empty for another theme.
pub-field-theme_ar = The theme in Arabic.
pub-field-theme_en = The theme in English.
pub-field-round = The consultation round the recommendation came from, if any.
pub-field-text = The recommendation as its author wrote it.
pub-field-endorsements = How many participants endorsed the recommendation.
pub-field-responded_at = When it was answered.
pub-field-author_sector = The author's sector: cso, government, private, academia, media or individual.
pub-field-author_governorate = The author's governorate, if they gave it.
pub-field-author_name = The author's name, only if they agreed to publish it.
pub-field-author_organisation = The author's organisation, only if they agreed to publish their name.
pub-field-author_group = A working group's finding: the group's number (its commitment's); the author is the group, not a person.
pub-field-at_table = How many sat at the working group's table.
pub-field-raised_by = How many people or working groups raised it, counting the recommendations merged into it, each once.
pub-field-merged_into = The recommendation this one was merged into as the same (its answer answers this one too).
pub-field-name = The round's name.
pub-field-held_on = The date it was held.
pub-field-place = Where it was held, or empty if online.
pub-field-online = Whether it was held online.
pub-field-commitments = The OGP ids of the commitments its working groups discussed.
pub-field-participants = How many joined its working groups through the bot.
pub-field-participants_by_sector = How many joined through the bot, by sector.
pub-field-hall = Attendance counted in the hall, as coordinators entered it: the total, the liaison officers among them and the count by sector; null when none was entered.
pub-field-report = The address of the round's report (Word).
pub-field-title = The entry's title.
pub-field-updated = When it was updated.
pub-field-link = A link to the commitment's page.
pub-field-content = The text of the update or response.

pub-not-found-title = Page not found
pub-not-found = We could not find what you asked for.

pub-feed-progress = Update on commitment { $number }
pub-feed-milestone = Milestone update on commitment { $number }
pub-feed-response = Response to recommendation no. { NUMBER($id, useGrouping: 0) } (commitment { $number })
pub-feed-progress-body = Completion: { $completion }, progress { NUMBER($progress, useGrouping: 0) }%
pub-feed-response-body = Recommendation: { $text }
    Status: { $state }
    Response: { $response }

## In the chat: the question of showing one's name, and /publish for coordinators.

name-ask =
    { $when } Shall we show your name and organisation with your published recommendations?
    If you say no, they show only your sector and governorate. You can change this at any time in /settings.
name-when-answered = Recommendations are published on the plan's public site once they are answered or the coordinators approve them.
name-when-arrival = Recommendations are published on the plan's public site as soon as they arrive.
name-yes-button = Yes, show my name
name-no-button = No, without my name
name-shown = Your name and organisation will show with your published recommendations. You can change this in /settings.
name-hidden = Your name will not show with your published recommendations, only your sector and governorate. You can change this in /settings.
command-publish = Publish the waiting recommendations on the public site
pub-chat-immediate = Every recommendation is published on the public site as soon as it arrives (as the platform is set up), so nothing waits for approval.
pub-chat-none = No recommendation is waiting to be published: every visible one has been answered or approved.
pub-chat-title = { $count ->
    [one] One recommendation is waiting to be published on the public site (not answered, not approved):
   *[other] { $count } recommendations are waiting to be published on the public site (not answered, not approved):
}
pub-chat-line = • Commitment { $number }: { $count }
pub-chat-all-button = 🌐 Publish all ({ $count })
pub-chat-one-button = Commitment { $number } ({ $count })
pub-chat-confirm = { $count ->
    [one] One recommendation will appear on the public site with its author's sector and governorate (and name, if they agreed). Publish it?
   *[other] { $count } recommendations will appear on the public site with their authors' sector and governorate (and names, if they agreed). Publish them?
}
pub-chat-confirm-button = ✅ Yes, publish
pub-chat-done = { $count ->
    [0] Nothing was published: no recommendation is waiting any more.
    [one] One recommendation was published on the public site.
   *[other] { $count } recommendations were published on the public site.
}

## Voice recommendations and evidence files.
pub-field-voice_seconds = The length of a voice recommendation in seconds (empty for a written one). The recording itself is not published; its text is a transcript written by an official.
pub-field-evidence_files = The evidence files the liaison officer attached to the update (photos and documents), at stable addresses on this site.
pub-voice-note = A voice recommendation; the recording itself is not published, to protect its author's privacy.
pub-voice-transcript = Transcript:
pub-evidence-files = Evidence files:
pub-field-answer = For an answer: which answer it is to that recommendation (1 for the first; a changed answer is a new entry with the next number, and the earlier ones stay as they were).
pub-rec-commitment = Commitment
pub-rec-theme = Theme
pub-rec-round = Consultation round
pub-rec-author = Submitted by
pub-rec-state = Current status
pub-rec-endorsed = Endorsements
pub-rec-history = History
pub-rec-received = Received
pub-rec-answer = Answer { NUMBER($n, useGrouping: 0) }
pub-rec-changed = The answer to this recommendation changed; every answer is kept with its own date and none is rewritten.
pub-rec-permanent = This page has a permanent address; each answer is also an entry of { $file } and of the feed.
pub-data-append-only = What "append-only" guarantees
pub-data-append-only-value = An entry of { $file } and of the feed is never changed once published: a changed answer to a recommendation is a new entry ({ $entry }) with its own date, and the earlier answers stay byte for byte. An entry leaves the files only when its recommendation stops being published (hidden) or its author's data is erased.
pub-data-times = Times
pub-data-times-value = Every time in every file is in Jordan's time ({ $zone }), written in { $standard } with its offset from UTC, such as { $example }; days without a time are written { $day }.
pub-data-snapshots = Dated snapshots
pub-data-snapshots-value = Copies of these files taken on set dates, with { $algorithm } checksums to verify them.
pub-data-machine = For data portals
pub-data-machine-value = { $package } describes every file as a Frictionless Data Package; { $record } is a DCAT record that lets a national data portal (such as { $portal }) harvest the data set.
pub-snapshots-title = Dated snapshots of the open data
pub-snapshots-intro = Each snapshot keeps the open-data files as they were on the day it was taken. The checksums let anyone verify that a copy is unchanged; { $sums } lists them all for { $command }.
pub-snapshots-caption = Files of snapshot { $folder }
pub-snapshots-file = File
pub-snapshots-size = Size
pub-snapshots-bytes = { NUMBER($size, useGrouping: 0) } bytes
pub-snapshots-none = No snapshot has been taken yet.

pub-nav-search = Search
pub-search-title = Search the published recommendations and progress reports
pub-search-label = Words
pub-search-button = Search
pub-search-how = Type one word or more: the published recommendations and progress reports holding every word appear, newest first.
pub-search-count = { $count ->
    [0] No published recommendation or progress report holds these words.
    [one] One result.
   *[other] { $count } results.
}
pub-search-recommendation = Recommendation { $id } on commitment { $number }
pub-search-update = Progress report on commitment { $number }
pub-search-pages-label = Search result pages
pub-search-previous = Newer results
pub-search-next = Older results

pub-glance-intro = Where each commitment stands today.
pub-self-reported = The figures are self-reported by the implementing agencies.
pub-no-report = No report yet
pub-overdue = { $count ->
    [one] 1 milestone overdue
   *[other] { $count } milestones overdue
}
pub-days-since = { $count ->
    [0] last report today
    [one] last report 1 day ago
   *[other] last report { $count } days ago
}
pub-chart-answers = Published recommendations by answer (total { $count })
pub-chart-progress = Self-reported progress over time
pub-round-deadline = input until { $date }
pub-attendance-hall = In the hall: { $count }
pub-attendance-hall-none = In the hall: not entered
pub-attendance-bot = Joined through the bot: { $count }
pub-way-in = Take part
pub-way-in-intro = Send your recommendations and follow the answers through the bot:
pub-way-in-telegram = Open the bot on Telegram
pub-way-in-whatsapp = Message us on WhatsApp
pub-way-in-qr = Scan the code with a phone's camera to open the bot.
pub-way-in-none = Ask the plan's coordinators for the bot's link to take part.
pub-field-hall_count = How many attended in the hall, as coordinators entered it; null when none was entered.
pub-field-joined_via_bot = How many joined its working groups through the bot (a figure separate from the hall count).
pub-field-short_title_ar = The commitment's short title in Arabic, as in the plan; null when it has none.
pub-field-short_title_en = The commitment's short title in English, as in the plan; null when it has none.
pub-field-ogp_values = The OGP values the commitment is relevant to: access_to_information, civic_participation, public_accountability or technology_innovation.
pub-field-supporting_institutions_ar = The supporting institutions in Arabic, as in the plan.
pub-field-supporting_institutions_en = The supporting institutions in English, as in the plan.
pub-field-irm = The Independent Reporting Mechanism's (IRM) assessment as coordinators entered it, kept apart from the self-reported figures: completion at mid-term and at the end (including no_evidence), "Did it open government?", potential impact, starred, and the report's link; null when nothing was entered.
pub-tracks-caption = The implementing agency's self-assessment beside the Independent Reporting Mechanism's (IRM)
pub-track-field = Item
pub-track-self = Self-reported
pub-track-irm = IRM
pub-track-none = —
pub-short-title = Short title
pub-ogp-values = OGP values
pub-supporting = Supporting institutions
pub-data-authors = How an author is shown
pub-data-authors-value = By name and organisation only if they agreed. Otherwise by sector and governorate where at least { $crowd } unnamed authors of published recommendations share both; else by sector alone where at least { $crowd } share it; else as "a participant" with no detail.
