//! The language a text is written in, from its words alone: a sentence of
//! ordinary news prose in each language the cleaner has stopwords for
//! (data/lang/), and in languages whose script is theirs alone. The
//! sentences tell the same story, so that no language wins by its topic.

use article_cleaner::lexicon::detect_language;

/// (language, a sentence in it). Neighbours that share most of their words
/// are here on purpose: Danish and Norwegian, Catalan and Spanish, Croatian
/// and Czech and Slovak, Russian and Ukrainian, Arabic and Persian.
const SENTENCES: [(&str, &str); 33] = [
    ("en", "The city council said on Tuesday that the new bridge over the river would be finished before the end of next year, although the costs have risen."),
    ("de", "Der Stadtrat hat am Dienstag mitgeteilt, dass die neue Brücke über den Fluss noch vor dem Ende des nächsten Jahres fertig sein soll, obwohl die Kosten gestiegen sind."),
    ("fr", "Le conseil municipal a annoncé mardi que le nouveau pont sur la rivière serait terminé avant la fin de l'année prochaine, même si les coûts ont beaucoup augmenté."),
    ("es", "El ayuntamiento anunció el martes que el nuevo puente sobre el río estará terminado antes del final del próximo año, aunque los costes han subido mucho."),
    ("it", "Il consiglio comunale ha annunciato martedì che il nuovo ponte sul fiume sarà terminato prima della fine del prossimo anno, anche se i costi sono aumentati."),
    ("pt", "A câmara municipal anunciou na terça-feira que a nova ponte sobre o rio estará pronta antes do fim do próximo ano, embora os custos tenham aumentado bastante."),
    ("nl", "De gemeenteraad heeft dinsdag laten weten dat de nieuwe brug over de rivier voor het einde van volgend jaar klaar zal zijn, hoewel de kosten zijn gestegen."),
    ("pl", "Rada miasta poinformowała we wtorek, że nowy most na rzece zostanie ukończony przed końcem przyszłego roku, chociaż koszty budowy znacznie wzrosły w ostatnich miesiącach."),
    ("ru", "Городской совет сообщил во вторник, что новый мост через реку будет построен до конца следующего года, хотя расходы на строительство за последние месяцы значительно выросли."),
    ("uk", "Міська рада повідомила у вівторок, що новий міст через річку буде збудовано до кінця наступного року, хоча витрати на будівництво за останні місяці значно зросли."),
    ("tr", "Belediye meclisi salı günü yaptığı açıklamada, nehir üzerindeki yeni köprünün maliyetler artmış olsa da gelecek yılın sonundan önce bitirileceğini söyledi ve bu konuda çok iyimser olduğunu belirtti."),
    ("ar", "قال مجلس المدينة يوم الثلاثاء إن الجسر الجديد على النهر سيكتمل قبل نهاية العام المقبل، على الرغم من أن التكاليف قد ارتفعت بشكل كبير في الأشهر الأخيرة."),
    ("fa", "شورای شهر روز سه‌شنبه اعلام کرد که پل جدید روی رودخانه تا پایان سال آینده تکمیل خواهد شد، هرچند که هزینه‌ها در ماه‌های اخیر به شدت افزایش یافته است."),
    ("he", "מועצת העיר הודיעה ביום שלישי כי הגשר החדש מעל הנהר יושלם לפני סוף השנה הבאה, למרות שהעלויות עלו מאוד בחודשים האחרונים."),
    ("el", "Το δημοτικό συμβούλιο ανακοίνωσε την Τρίτη ότι η νέα γέφυρα πάνω από τον ποταμό θα ολοκληρωθεί πριν από το τέλος του επόμενου έτους, παρόλο που το κόστος έχει αυξηθεί."),
    ("hi", "नगर परिषद ने मंगलवार को कहा कि नदी पर बना नया पुल अगले साल के अंत से पहले पूरा हो जाएगा, हालांकि इसकी लागत पिछले कुछ महीनों में काफी बढ़ गई है।"),
    ("sv", "Kommunfullmäktige meddelade på tisdagen att den nya bron över älven ska vara klar före slutet av nästa år, även om kostnaderna har stigit kraftigt under de senaste månaderna."),
    ("da", "Byrådet meddelte tirsdag, at den nye bro over åen vil være færdig inden udgangen af næste år, selv om udgifterne er steget meget i de seneste måneder, og at der ikke er nogen grund til bekymring."),
    ("no", "Bystyret opplyste tirsdag at den nye brua over elva skal være ferdig før utgangen av neste år, selv om kostnadene har økt mye de siste månedene, og at det ikke er noen grunn til bekymring."),
    ("fi", "Kaupunginvaltuusto kertoi tiistaina, että uusi silta joen yli valmistuu ennen ensi vuoden loppua, vaikka kustannukset ovat nousseet paljon viime kuukausien aikana, mutta se ei ole vielä varmaa."),
    ("cs", "Městská rada v úterý oznámila, že nový most přes řeku bude dokončen ještě před koncem příštího roku, přestože náklady na stavbu se v posledních měsících výrazně zvýšily."),
    ("sk", "Mestská rada v utorok oznámila, že nový most cez rieku bude dokončený ešte pred koncom budúceho roka, hoci náklady na stavbu sa v posledných mesiacoch výrazne zvýšili."),
    ("hu", "A városi tanács kedden bejelentette, hogy az új híd a folyón még a jövő év vége előtt elkészül, bár a költségek az elmúlt hónapokban jelentősen megnőttek, és ez sokakat aggaszt."),
    ("ro", "Consiliul local a anunțat marți că noul pod peste râu va fi terminat înainte de sfârșitul anului viitor, deși costurile au crescut foarte mult în ultimele luni."),
    ("id", "Dewan kota mengatakan pada hari Selasa bahwa jembatan baru di atas sungai itu akan selesai sebelum akhir tahun depan, meskipun biayanya telah naik cukup banyak dalam beberapa bulan terakhir."),
    ("vi", "Hội đồng thành phố cho biết vào hôm thứ Ba rằng cây cầu mới bắc qua sông sẽ được hoàn thành trước cuối năm sau, mặc dù chi phí đã tăng lên rất nhiều trong những tháng gần đây."),
    ("ja", "市議会は火曜日、川に架かる新しい橋が来年末までに完成すると発表しましたが、費用はここ数か月で大幅に増えています。"),
    ("zh", "市议会周二表示，河上的新桥将在明年年底前完工，尽管最近几个月的费用大幅增加。"),
    ("ko", "시의회는 화요일에 강을 가로지르는 새 다리가 내년 말 전에 완공될 것이라고 밝혔지만, 최근 몇 달 동안 비용이 크게 늘어났다."),
    ("ca", "L'ajuntament va anunciar dimarts que el nou pont sobre el riu estarà acabat abans de la fi de l'any vinent, tot i que els costos han augmentat molt en els últims mesos."),
    ("hr", "Gradsko vijeće objavilo je u utorak da će novi most preko rijeke biti završen prije kraja sljedeće godine, iako su troškovi gradnje znatno porasli u posljednjih nekoliko mjeseci."),
    ("th", "สภาเมืองประกาศเมื่อวันอังคารว่าสะพานใหม่ข้ามแม่น้ำจะสร้างเสร็จก่อนสิ้นปีหน้า แม้ว่าค่าใช้จ่ายจะเพิ่มขึ้นมากในช่วงไม่กี่เดือนที่ผ่านมา"),
    ("bn", "নগর পরিষদ মঙ্গলবার জানিয়েছে যে নদীর উপর নতুন সেতুটি আগামী বছরের শেষের আগেই সম্পন্ন হবে, যদিও গত কয়েক মাসে খরচ অনেক বেড়েছে।"),
];

#[test]
fn each_language_is_told_by_a_sentence_of_it() {
    let wrong: Vec<String> = SENTENCES
        .iter()
        .filter_map(|&(lang, text)| {
            let found = detect_language(text);
            (found != Some(lang)).then(|| format!("{lang} read as {found:?}: {text}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
