## /inbox: recommendations answered from a spreadsheet — downloaded, filled in Excel, checked as a whole, confirmed.

answer-sheet-download-button = 📤 Download to answer in Excel
answer-sheet-upload-button = 📥 Answer from a spreadsheet
answer-sheet-all-button = 📤 A sheet of all recommendations (not only waiting ones)
answer-sheet-caption = { $count ->
    [one] A sheet with one recommendation.
   *[other] A sheet with { $count } recommendations.
} Fill in the “New state” and “Response or reason” columns, then send it back here. The rules are on the second sheet.
answer-sheet-empty = No recommendations on your commitments are waiting for an answer. You can download a sheet of all of them.
answer-sheet-ask-file = Send the answer sheet (the XLSX file as you downloaded it here) with the “New state” and “Response or reason” columns filled in. I will check every row and show you what will be saved before saving anything.
answer-sheet-not-xlsx = This is not an answer sheet in XLSX format. Send the file you downloaded from “{ $button }” once filled in.
answer-sheet-no-columns = I could not find the answer sheet's columns (Recommendation no., New state, Response or reason) in the first row.
answer-sheet-preview = { $count ->
    [0] No answer will be given from this sheet.
    [one] One answer will be given:
   *[other] { $count } answers will be given:
}
answer-sheet-preview-state = • { $state }: { $count }
answer-sheet-unchanged = { $count ->
    [one] One row matches what is saved, so it will not change.
   *[other] { $count } rows match what is saved, so they will not change.
}
answer-sheet-refused = { $count ->
    [one] One row is refused:
   *[other] { $count } rows are refused:
}
answer-sheet-then = Confirm to give these answers and tell the recommendations' authors, or send a corrected sheet.
answer-sheet-nothing = Nothing can be saved from this sheet. Correct it and send it again.
answer-sheet-apply = ✅ Give the answers
answer-sheet-stale = Recommendation { $receipt } changed since the sheet was checked, so nothing was saved. Send the sheet again.
answer-sheet-done = { $count ->
    [one] One answer was given from the sheet
   *[other] { $count } answers were given from the sheet
}, and { $told ->
    [0] no author was told
    [one] one author was told
   *[other] { $told } authors were told
}.
answer-sheet-cancelled = Answering from the sheet was cancelled; nothing from it was saved.
answer-sheet-row-number = “Recommendation no.” must be a number (found “{ $value }”).
answer-sheet-row-unknown = There is no recommendation “{ $value }”.
answer-sheet-row-not-yours = Recommendation { $receipt } is on commitment { $number }, which you do not handle.
answer-sheet-row-hidden = Recommendation { $receipt } is hidden from the public: show it again in /inbox first.
answer-sheet-row-merged-into = Recommendation { $receipt } is merged into { $kept }: write the answer on the row of { $kept }, and it reaches all their authors.
answer-sheet-row-hidden-row = The row is hidden in the sheet: unhide it and review it before sending.
answer-sheet-row-merged = The row has merged cells: unmerge them so that each recommendation has its own row.
answer-sheet-row-state = Unknown state “{ $value }”. Possible values: { $choices }.
answer-sheet-row-no-state = A response was written without a “New state”.
answer-sheet-row-reason = The state “{ $state }” needs a written reason in “Response or reason”.
answer-sheet-row-length = The response must be between { $min } and { $max } characters (found { $length }).
answer-sheet-row-changed = Recommendation { $receipt } was answered differently after the sheet was downloaded ({ $state }). Download a new sheet or review it in /inbox.
answer-sheet-row-twice = Recommendation { $receipt } appears twice (also in row { $first }).
answer-sheet-title = Answers
answer-sheet-rules-title = Rules
answer-sheet-col-new-state = New state
answer-sheet-col-new-response = Response or reason
answer-sheet-col-version = Answer version
answer-sheet-state-error-title = Unknown state
answer-sheet-state-error = Choose the state from the list.
answer-sheet-rules =
    How to fill in this sheet
    • One row per recommendation. Fill in only “New state” (from the list) and “Response or reason”; leave a row empty if you have not decided yet.
    • “Partly accepted” and “Not accepted” are not taken without a written reason: OGP's standard asks for a reasoned response.
    • The response is sent as it is to the recommendation's author and published in the public record with its date.
    • Do not hide rows or merge cells, and do not change the recommendation number or the hidden “Answer version” column.
    • Send the sheet to the bot: it shows you how many answers will be given and every refused row with why, before saving anything.
    • A recommendation answered differently after you downloaded the sheet is refused: download a new sheet.
    • Sending the same sheet a second time changes nothing.
answer-sheet-rules-states = Possible states
