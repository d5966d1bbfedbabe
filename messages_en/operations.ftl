## ogp-bot doctor: one line per check for the server's operators; each failure says how to fix it.

doctor-settings-ok = The settings are valid.
doctor-settings-bad = The settings are invalid: { $problem } — correct { $setting } and run the doctor again.
doctor-skipped = { $what } is not configured ({ $setting } is empty): not checked.
doctor-unreachable = { $service } does not answer: { $error } — check this server's network and { $setting }.
doctor-telegram-ok = Telegram accepts the token: the bot is @{ $username }.
doctor-telegram-token = Telegram refuses the token — copy it again from { $where } into { $setting }.
doctor-webhook-ok = Telegram delivers to { $url } ({ $pending ->
    [0] no update waiting
    [one] one update waiting
   *[other] { $pending } updates waiting
}).
doctor-webhook-polling = Telegram has no webhook: the bot fetches its updates ({ $pending ->
    [0] no update waiting
    [one] one update waiting
   *[other] { $pending } updates waiting
}).
doctor-webhook-url = Telegram's webhook is { $actual }, not { $url } as configured — start the bot (it sets its webhook) or correct { $setting }.
doctor-webhook-error = Telegram's last delivery to the webhook failed ({ $when }): { $error } — check the proxy and that the bot is running.
doctor-webhook-pending = { $pending } updates are waiting at Telegram — check that the bot is running and keeping up.
doctor-whatsapp-ok = WhatsApp accepts the token; the number is { $number }.
doctor-whatsapp-token = WhatsApp refuses the token — create a permanent token for the app's system user and put it in { $setting }.
doctor-whatsapp-number = WhatsApp does not know the phone number id { $id } — copy it from the app's WhatsApp settings into { $setting }.
doctor-template-ok = The template { $name } is approved in { $language }.
doctor-template-bad = The template { $name } in { $language } is { $status }, not approved — submit it in WhatsApp Manager and wait for its approval.
doctor-template-no-account = The templates cannot be checked — set { $setting } to the WhatsApp Business Account's id.
doctor-https-ok = { $url } answers over HTTPS with a valid certificate.
doctor-https-plain = { $url } is not an HTTPS address — WhatsApp needs HTTPS: put the proxy in front of the bot and correct { $setting }.
doctor-https-cert = { $url } has no valid certificate ({ $error }) — check the proxy's certificate and the server's name.
doctor-https-status = { $url } answers with status { $status } — check the proxy's configuration and that the bot is running.
doctor-db-ok = The database is whole, at schema level { $version }.
doctor-db-missing = There is no database at { $path } — start the bot once, or correct { $setting }.
doctor-db-broken = The database fails its integrity check ({ $problem }) — stop the bot and restore the last verified backup.
doctor-db-behind = The database is at schema level { $version } of { $known } — start the bot to bring it up to date.
doctor-db-ahead = The database is at schema level { $version }, newer than this bot's { $known } — install the newer version of the bot.
doctor-files-ok = The files folder { $path } is writable; { $free } MB free.
doctor-files-unwritable = The files folder { $path } cannot be written ({ $error }) — give the bot's user write access or correct { $setting }.
doctor-disk-low = Only { $free } MB are free for { $path }, below { $needed } MB — free some space or grow the disk.
doctor-backup-ok = The last verified backup is { $hours ->
    [0] less than an hour old
    [one] one hour old
   *[other] { $hours } hours old
}: { $path }.
doctor-backup-off = The bot makes no backups — set { $setting } to a folder on another disk.
doctor-backup-none = There is no verified backup in { $path } yet — the bot writes one daily at { $time }; if that time has passed, read the bot's log.
doctor-backup-old = The last verified backup is { $hours } hours old — read the bot's log for the failed backup and check the disk.
doctor-clock-ok = This server's clock agrees with { $service } (within { $seconds } seconds).
doctor-clock-skew = This server's clock is { $seconds } seconds off { $service } — turn on time synchronisation ({ $command }).
doctor-summary-ok = Every check passed.
doctor-summary-bad = { $count ->
    [one] One check failed.
   *[other] { $count } checks failed.
}

## Alerts the bot sends its operators in chat: when a condition starts, and when it clears.

alert-outbox-raised = ⚠️ The bot's messages are late: the oldest has waited { $minutes ->
    [one] one minute
   *[other] { $minutes } minutes
} to be sent ({ $count ->
    [one] one message waiting
   *[other] { $count } messages waiting
}). Check the server's connection and the bot's log.
alert-outbox-cleared = ✅ The bot's messages go out on time again.
alert-flood-raised = ⚠️ The platform asked the bot to slow down { $count ->
    [one] once
   *[other] { $count } times
} in the last minutes (error 429): messages are delayed.
alert-flood-cleared = ✅ The platform no longer asks the bot to slow down.
alert-token-raised = ⚠️ WhatsApp refuses the bot's token: WhatsApp messages are not delivered. Create a new permanent token, put it in { $setting } and restart the bot.
alert-token-cleared = ✅ WhatsApp accepts the bot's token again.
alert-webhook-raised = ⚠️ The bot refused { $count ->
    [one] one delivery
   *[other] { $count } deliveries
} to its webhook in the last minutes: check the proxy and the secrets ({ $settings }).
alert-webhook-cleared = ✅ Deliveries to the webhook are accepted again.
alert-disk-raised = ⚠️ The disk is nearly full: only { $free } MB left, below { $setting }. Delete what is not needed or grow the disk.
alert-disk-cleared = ✅ The disk has enough room again.
alert-backup-raised = ⚠️ The last verified backup is { $hours ->
    [one] one hour
   *[other] { $hours } hours
} old: backing up failed or did not run. Check the bot's log and the folder { $setting }.
alert-backup-never = ⚠️ There is no verified backup in { $setting } yet: check the bot's log and the folder's permissions.
alert-backup-cleared = ✅ A backup was written and verified.
