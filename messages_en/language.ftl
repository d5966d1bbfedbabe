## The language a person reads the bot in (/language, "language"): Arabic or English.

# The language's own name, on the button that switches to it (an English reader sees «العربية», an Arabic one "English").
language-name = English
language-offered = 🌐 I will write to you in English. To change the language, press the button, or type "language" at any time.
language-current = 🌐 You read the bot in { $language }. Press the button to switch.
language-switched = ✅ From now on I will write to you in English.
language-switch-button = 🌐 { $language }
settings-language = 🌐 Language: { $language }
keyword-language = language
command-language = Change the language
# Each language's name as this catalogue writes it (language-in-ar, language-in-en): broadcasts' previews name them.
language-in-ar = Arabic
language-in-en = English
