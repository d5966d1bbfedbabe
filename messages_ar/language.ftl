## The language a person reads the bot in (/language, «اللغة»): Arabic or English.

# The language's own name, on the button that switches to it (an English reader sees «العربية», an Arabic one "English").
language-name = العربية
language-offered = 🌐 سأكتب إليك بالعربية. لتغيير اللغة اضغط الزر، أو اكتب «اللغة» في أي وقت.
language-current = 🌐 لغة المنصة لديك: { $language }. للتبديل اضغط الزر.
language-switched = ✅ سأكتب إليك بالعربية من الآن.
language-switch-button = 🌐 { $language }
settings-language = 🌐 اللغة: { $language }
keyword-language = اللغة
command-language = تغيير اللغة
# Each language's name as this catalogue writes it (language-in-ar, language-in-en): broadcasts' previews name them.
language-in-ar = العربية
language-in-en = الإنجليزية
