## Merging duplicates: one recommendation kept, the others linked to it, every author told.

raised-by = { $count ->
    [one] raised by one person or group
   *[other] raised by { $count } people / groups
}
merge-button = 🔗 Same as #…
unmerge-button = ↩️ Unmerge from { $kept }
merge-ask = Which recommendation says what { $merged } says? Type the number of the one to keep (e.g. 12); { $merged } will be merged into it.
merge-not-number = Type a recommendation's number in digits, e.g. 12.
merge-refused = { $merged } cannot be merged into { $kept }: it must be another recommendation on the same commitment, not merged itself, and one you answer.
merge-preview =
    { $merged } will be merged into { $kept }, which is kept:

    Kept { $kept }: { $kept_text }

    Merged { $merged }: { $merged_text }

    After the merge: { $raised }. Both authors will be told, and the answer to { $kept } will reach everyone who raised it.
merge-confirm = ✅ Merge
merge-use-buttons = Choose "Merge" or "Cancel".
merge-done = { $merged } is merged into { $kept }.
merge-told-merged =
    Your recommendation { $merged } on commitment { $number } says what recommendation { $kept } says, so they were merged: the answer to { $kept } will reach you, and your endorsements count there.

    "{ $text }"
merge-told-kept = Recommendation { $merged } says what your { $kept } says, so they were merged. { $kept } is now { $raised }.
unmerge-done = { $merged } is separate from { $kept } again and will be answered on its own.
unmerge-told = Your recommendation { $merged } is separate from recommendation { $kept } again and will be answered on its own.
merge-mark = 🔗 Merged into { $kept }: answer { $kept } instead.
merge-members = 🔗 Merged here: { $receipts }
dup-button = { $count ->
    [one] 🔗 1 similar
   *[other] 🔗 { $count } similar
}
dup-title = { $count ->
    [one] One waiting recommendation is like { $kept }. Merge it into { $kept }, then answer { $kept } once: the answer reaches everyone who raised it.
   *[other] { $count } waiting recommendations are like { $kept }. Merge them into { $kept }, then answer { $kept } once: the answer reaches everyone who raised them.
}
dup-item =
    { $receipt } — { $sector }
    { $text }
dup-merge = 🔗 Merge { $merged } into this one
dup-none = No waiting recommendation is like { $kept } any more.
dup-back = ↩️ Back to { $kept }
