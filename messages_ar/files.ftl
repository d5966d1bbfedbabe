## Voice notes, photos and documents people send: why one is refused, and how a stored file is named.

voice-label = 🎧 تسجيل صوتي ({ $duration })
file-too-big = هذا الملف أكبر من { $max } ميغابايت، فلم نستلمه ولم نحفظ منه شيئاً. أرسل ملفاً أصغر، أو رابطاً إليه.
file-type-refused = لم نستلم هذا الملف لأن نوعه غير مقبول، ولم نحفظ منه شيئاً. نقبل التسجيلات الصوتية والصور، وملفات PDF أو Word أو Excel.
file-download-failed = تعذّر علينا تنزيل الملف من المنصة بعد عدة محاولات، ولم نحفظ منه شيئاً. أرسله مرة أخرى من فضلك.
file-empty = وصلنا الملف فارغاً، ولم نحفظ منه شيئاً. أرسله مرة أخرى من فضلك.
file-quota-day = بلغت ملفاتك المحفوظة خلال آخر 24 ساعة { $max } ميغابايت، وهو الحد اليومي لكل شخص، فلم نستلم هذا الملف ولم نحفظ منه شيئاً. أرسله غداً، أو أرسل رابطاً إليه.
file-quota-total = بلغت ملفاتك المحفوظة { $max } ميغابايت، وهو الحد لكل شخص، فلم نستلم هذا الملف ولم نحفظ منه شيئاً. أرسل رابطاً إليه، أو تواصل مع المنسقين.
file-line = 📎 { $name } ({ $size })
file-unnamed = ملف
file-unnamed-photo = صورة
file-size-kb = { $size } كيلوبايت
file-size-mb = { $size } ميغابايت
