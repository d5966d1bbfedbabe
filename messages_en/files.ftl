## Voice notes, photos and documents people send: why one is refused, and how a stored file is named.

voice-label = 🎧 Voice recording ({ $duration })
file-too-big = This file is larger than { $max } MB, so we did not take it and kept nothing of it. Send a smaller file, or a link to it.
file-type-refused = We did not take this file because its type is not accepted, and kept nothing of it. We accept voice notes, photos, PDF, Word and Excel files.
file-download-failed = We could not download the file from the platform after several tries, and kept nothing of it. Please send it again.
file-empty = The file reached us empty, and we kept nothing of it. Please send it again.
file-quota-day = Your files kept in the last 24 hours have reached { $max } MB, the daily limit for each person, so this file was not taken and nothing of it was kept. Send it tomorrow, or send a link to it.
file-quota-total = Your kept files have reached { $max } MB, the limit for each person, so this file was not taken and nothing of it was kept. Send a link to it, or contact the coordinators.
file-store-failed = We could not keep your file just now because of a fault on our side, and kept nothing of it. Please send it again in a little while.
file-line = 📎 { $name } ({ $size })
file-unnamed = File
file-unnamed-photo = Photo
file-size-kb = { $size } KB
file-size-mb = { $size } MB
