## /rules: the forum's rules of participation (OGP standard 1: its basic rules on participation are public).

rules-none = The coordinators have not published the forum's rules of participation yet.
rules-show =
    📜 The rules of participation in the Open Government Partnership forum (last updated { $date }):

    { $text }
rules-edit = ✏️ Edit the rules
rules-ask = Write the rules of participation in full, as everyone will see them ({ $min } to { $max } characters). The earlier version is kept.
rules-length = The rules must be between { $min } and { $max } characters (you wrote { $length }).
rules-preview =
    This is how everyone will see the rules:

    { $text }
rules-english-add = 🇬🇧 Add an English version
rules-english-change = 🇬🇧 Change the English version
rules-ask-english = Write the rules in English in full ({ $min } to { $max } characters). It is optional: without it, English readers see the Arabic.
rules-preview-english =
    And this is how English readers will see them:

    { $text }
rules-save = ✅ Publish the rules
rules-saved = The rules of participation are published; everyone sees them with /rules.
menu-rules = 📜 Rules of participation
command-rules = The forum's rules of participation
keyword-rules = rules
