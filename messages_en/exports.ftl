## /export: spreadsheets and data files for coordinators. Column headers are read by people in Excel.

exp-sheet-summary = Summary
exp-sheet-commitment = Commitment { $number }
exp-sheet-status = Status updates
exp-sheet-milestones = Milestones

exp-col-id = Recommendation no.
exp-col-commitment = Commitment no.
exp-col-ogp-id = Commitment code
exp-col-commitment-title = Commitment
exp-col-theme = Theme
exp-col-round = Round
exp-col-question = Discussion question
exp-col-text = Recommendation text
exp-col-state = State
exp-col-response = Reply
exp-col-responder = Replied by
exp-col-created = Sent on
exp-col-responded = Replied on
exp-col-endorsements = Endorsements
exp-col-raised-by = Raised by (people / groups)
exp-col-merged-into = Merged into
exp-col-hidden = Hidden
exp-col-channel = Channel
exp-col-author = Participant
exp-col-organisation = Organisation
exp-col-sector = Sector
exp-col-governorate = Governorate
exp-col-count = Count
exp-col-update-id = Update no.
exp-col-completion = Completion
exp-col-progress = Progress (%)
exp-col-note = Note
exp-col-evidence = Evidence link
exp-col-milestone = Milestone
exp-col-update-author = Written by
exp-col-update-date = Update date
exp-col-milestone-id = Milestone no.
exp-col-start = Start date
exp-col-end = End date
exp-col-updated = Last changed

# The channel a recommendation came by, as the "Channel" column shows it.
channel-telegram = Telegram
channel-whatsapp = WhatsApp
channel-console = Terminal

exp-total = Total
exp-no-theme = Another theme
exp-yes = Yes
exp-no = No

exp-choose-format = Which format would you like the export in?
exp-format-xlsx = 📗 Excel (XLSX)
exp-format-csv = 📄 CSV
exp-format-json = 🧾 JSON
exp-choose-scope = What should the file include?
exp-scope-all = 🗂️ All inputs
exp-scope-commitment = 🎯 One commitment
exp-scope-round = 🗓️ One round
exp-scope-dates = ⏳ A date range
exp-choose-commitment = Choose the commitment:
exp-choose-round = Choose the round:
exp-no-rounds = There are no consultation rounds yet. Choose another scope:
exp-ask-dates = Type the period as two dates, from and to, for example: 1/1/2026 - 31/3/2026
exp-bad-dates = I did not understand the two dates. Type them like this: 1/1/2026 - 31/3/2026 (the first on or before the second).
exp-caption = { $count ->
    [0] Export: there are no recommendations in this scope.
    [one] Export: one recommendation.
   *[other] Export: { $count } recommendations.
}
exp-too-large = The file is too large to send in the chat ({ $megabytes } MB). Narrow the scope, or produce it on the server with the command: ogp-bot export
menu-export = 📤 Export inputs
command-export = Export the inputs (Excel, CSV or JSON)

## Documents (exports, reports, statistics) are built after the answer; these say so, or that it failed.
doc-preparing = ⏳ Preparing the file; it will arrive here when it is ready.
# A coordinator's file is not sent when they stopped being one between asking and its building.
doc-role-changed = The file you asked for was not sent because your role changed: you are no longer a coordinator.

doc-failed = The file could not be prepared because of an internal error. We are sorry; please try again in a moment.

# A file (export, report) comes in the language its asker reads; one button makes it in the other.
doc-file-language = 🌐 The file will be in { $language }.
doc-language-button = 🌐 The file in { $language }

## The files a recommendation or an update holds, as named in the export with files.
exp-col-files = Files
exp-col-evidence-files = Evidence files
