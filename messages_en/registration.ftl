## /start and registration.

welcome-back = Welcome back, { $name }!
welcome =
    Welcome to the bot for following the national action plan of the Open Government Partnership.
    Here you can send recommendations on the plan's commitments, follow how they are being carried out, and see the replies your recommendations receive.
ask-name = What is your name? Write it as you would like it to appear in reports.
use-profile-name = Use “{ $name }”
name-invalid = Your name must be between { $min } and { $max } characters. Please write it again.
ask-organisation = What is the name of the organisation you represent?
no-organisation = No organisation
organisation-invalid = The organisation's name must be between { $min } and { $max } characters, or choose “No organisation”.
ask-sector = Which sector are you from?
ask-governorate = In which governorate do you live or work? (optional)
skip-governorate = Skip
privacy-notice =
    Before we save your details, here is what we keep, who sees it and what is published:
    • We keep your name, your organisation and its sector, your governorate, and your recommendations with their dates.
    • Your name and organisation are seen beside your recommendations by the coordinators of the Open Government Unit at the Ministry of Planning and International Cooperation and by the liaison officers in the ministry responsible for the commitment you write about.
    { $public }
    • We use your details only to follow the national action plan and to tell you about replies, and we never sell them.
    • You can delete your details at any time with /forget, and read more with /privacy.
    Do you agree?
consent-agree = ✅ I agree
consent-decline = ❌ I do not agree
consent-declined = That is fine. We have saved nothing about you. You can start again whenever you like with /start.
registered = Thank you, { $name }. You are now registered.
unknown-link = This link is not valid or has expired.
