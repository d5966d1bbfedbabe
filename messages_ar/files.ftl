## Voice notes, photos and documents people send: why one is refused, and how a stored file is named.

voice-label = 🎧 تسجيل صوتي ({ $duration })
file-too-big = هذا الملف أكبر من { $max } ميغابايت، فلم نستلمه ولم نحفظ منه شيئاً. أرسل ملفاً أصغر، أو رابطاً إليه.
file-type-refused = لم نستلم هذا الملف لأن نوعه غير مقبول، ولم نحفظ منه شيئاً. نقبل التسجيلات الصوتية والصور، وملفات PDF أو Word أو Excel.
file-download-failed = تعذّر علينا تنزيل الملف من المنصة بعد عدة محاولات، ولم نحفظ منه شيئاً. أرسله مرة أخرى من فضلك.
file-empty = وصلنا الملف فارغاً، ولم نحفظ منه شيئاً. أرسله مرة أخرى من فضلك.
file-store-failed = لم نتمكن من حفظ ملفك الآن بسبب عطل من جهتنا، ولم نحفظ منه شيئاً. أرسله مرة أخرى بعد قليل من فضلك.
file-line = 📎 { $name } ({ $size })
file-unnamed = ملف
file-unnamed-photo = صورة
file-size-kb = { $size } كيلوبايت
file-size-mb = { $size } ميغابايت
