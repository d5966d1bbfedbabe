# What the bot answers to a message no step asked for (handlers/intent.py reads what it is).
name-greeting = أهلاً وسهلاً بك! لنبدأ بالتسجيل.
name-is-it = هل «{ $name }» هو اسمك؟ إن لم يكن اسمك فاختر «لا» واكتب اسمك.
name-is-yes = ✅ نعم، هذا اسمي
name-is-no = ✏️ لا، سأكتب اسمي
intent-greeting = أهلاً بك! اختر مما يلي ما تريد، أو اكتب توصيتك على أحد الالتزامات مباشرة.
intent-thanks = العفو، يسعدنا تواصلك! إن احتجت شيئاً آخر فاختر مما يلي.
recommendation-needs-words = التوصية تحتاج إلى كلمات تشرح ما تقترحه، لا رموزاً أو أرقاماً فقط. اكتبها من جديد من فضلك.
