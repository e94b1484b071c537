"""The two seed documents segment into the headings, list items and sentences a careful reader
sees. The expected lists were written by reading the documents, not by running the segmenter."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignqa.document import HEADING, LIST_ITEM, SENTENCE
from alignqa.segment import load_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

LV = [
    (HEADING, "Kas ir klienta saskarsme?"),
    (SENTENCE, "Uz klientu vērsta loma ir tāda, kurā darbinieks tieši mijiedarbojas ar klientu, "
               "dažreiz klātienē."),
    (SENTENCE, "Uz klientu vērstās funkcijas ir svarīgas, un tās tiek izmantotas, lai izprastu "
               "klienta vajadzības vai atrisinātu problēmas, kuras datoram vai automatizētai "
               "programmatūrai būtu pārāk daudz izdarīt."),
    (SENTENCE, "Daudzi uzņēmumi mēģinās automatizēt vai izmantot ārpakalpojumus šai funkcijai, ja "
               "tā var ietaupīt naudu un laiku."),
    (HEADING, "Taustiņu izņemšana"),
    (LIST_ITEM, "Klients, ar kuru saskaras, parasti attiecas uz darbībām, kas ietver tiešu "
                "mijiedarbību ar klientu."),
    (LIST_ITEM, "Šīs lomas var palīdzēt izprast to, ko klienti meklē, un palīdzēt risināt "
                "uzņēmumu problēmas."),
    (LIST_ITEM, "Klientu lomas ietver durvju sveicēji, personīgie finanšu plānotāji un nekustamo "
                "īpašumu pārdošanas speciālisti."),
    (HEADING, "Izpratne par klienta saskari"),
    (SENTENCE, "Darbs, kas saistīts ar klientu, var ietvert kalpošanu kā personīgajam finanšu "
               "plānotājam, kurā klients apspriež un izskaidro savus mērķus un investīciju "
               "vajadzības."),
    (SENTENCE, "Abas puses izmanto šo mijiedarbību, lai izlemtu, vai un kā var apmierināt "
               "vajadzības."),
    (HEADING, "Dažādi klienta lomu veidi"),
    (SENTENCE, "Klientu apkalpošanas pārstāvjus, kasierus, viesnīcu reģistratūras darbiniekus un "
               "tirdzniecības telpas darbiniekus var uzskatīt par pozīcijām, kas vērstas uz "
               "klientiem, ņemot vērā viņu mijiedarbību ar klientu."),
    (SENTENCE, "Profesionāļiem, piemēram, nekustamo īpašumu pārdošanas aģentiem, apdrošināšanas "
               "aģentiem un pasākumu plānotājiem, ir arī klienta pienākumi, pamatojoties uz viņu "
               "lomu raksturu."),
    (SENTENCE, "Piemēram, nekustamo īpašumu īpašnieki potenciālos māju pircējus izvelk, lai "
               "redzētu dažādus īpašumus, kas viņiem varētu patikt, un parādītu mājokļa iezīmes, "
               "mājas daļas, kuras nepieciešams atjaunot, kā arī apkārtnes un kopienas "
               "aspektus."),
    (SENTENCE, "Apdrošināšanas aģents birojā ar klientu var diskutēt par polises veidiem, kas "
               "varētu vislabāk atbilst viņu mērķiem un seguma vajadzībām."),
    (SENTENCE, "Tiek uzskatīts, ka administratīvajam palīgam, kurš uzņēmuma vārdā sveic biroju "
               "apmeklētājus, ir klienta loma."),
    (SENTENCE, "Veids, kā klienti saskaras ar klientiem, var būtiski ietekmēt mazumtirdzniecību, "
               "atkārtotu uzņēmējdarbību un tēriņu aktivitātes."),
    (SENTENCE, "Klients, kurš uzskata, ka viņus uzklausa, domā, ka viņu vajadzības ir ņemtas "
               "vērā, un uzskata, ka ir saņēmuši noderīgus padomus, varētu būt vēlme vēlreiz "
               "patronizēt biznesu, ja nepalielinās pirkumu apmēru un apjomu."),
    (SENTENCE, "Uzņēmumi var pielikt īpašas pūles, izvēloties darbiniekus, lai aizpildītu ar "
               "klientiem saistītās lomas, ņemot vērā to mijiedarbību ar klientiem."),
    (SENTENCE, "Neapmierinoša pieredze mazumtirdzniecības vietā vai restorānā varētu likt "
               "patērētājam nākotnē apmeklēt konkurējošu uzņēmumu, cerot saņemt labākus "
               "pakalpojumus."),
    (HEADING, "Īpaši apsvērumi: sociālie mediji"),
    (SENTENCE, "Ar klientu saistītās lomas mainās, arvien vairāk izmantojot sociālos medijus, lai "
               "tieši sazinātos un mijiedarbotos ar klientiem."),
    (SENTENCE, "Nereti patērētāji izsaka savu nepatiku un uzslavas, izdodot komentārus, kas "
               "vērsti uz biznesu."),
    (SENTENCE, "Darbiniekam, kura loma ir atbildēt uz šādiem komentāriem sociālajos medijos, var "
               "būt līdzīga ietekme kā tam, kurš sveic klientus veikalā."),
    (SENTENCE, "Klients ne tikai saņems ziņojumu, bet ikviens sabiedrības loceklis, kurš pievērš "
               "uzmanību mijiedarbībai, arī var spriest par uzņēmuma reakciju un attiecīgi "
               "reaģēt."),
]

ID = [
    (HEADING, "Apa yang Dihadapi Klien?"),
    (SENTENCE, "Peran yang dihadapi klien adalah peran di mana karyawan berinteraksi langsung "
               "dengan pelanggan, kadang-kadang secara langsung."),
    (SENTENCE, "Fungsi yang dihadapi klien adalah penting dan digunakan untuk memahami kebutuhan "
               "klien atau untuk memecahkan masalah komputer atau perangkat lunak otomatis akan "
               "mengalami terlalu banyak kesulitan."),
    (SENTENCE, "Banyak perusahaan akan berusaha untuk mengotomatiskan atau mengalihdayakan fungsi "
               "ini jika dapat menghemat uang dan waktu."),
    (HEADING, "Pengambilan Kunci"),
    (LIST_ITEM, "Menghadapi klien umumnya mengacu pada kegiatan yang melibatkan interaksi "
                "langsung dengan klien."),
    (LIST_ITEM, "Peran ini dapat membantu memahami apa yang dicari pelanggan dan membantu "
                "menyelesaikan masalah bagi perusahaan."),
    (LIST_ITEM, "Peran yang dihadapi klien termasuk penyambut pintu, perencana keuangan pribadi, "
                "dan agen penjual."),
    (HEADING, "Memahami Menghadapi Klien"),
    (SENTENCE, "Pekerjaan yang dihadapi klien dapat mencakup melayani sebagai perencana keuangan "
               "pribadi, di mana klien membahas dan menjelaskan tujuan dan kebutuhan investasi "
               "mereka."),
    (SENTENCE, "Kedua belah pihak menggunakan interaksi ini untuk memutuskan apakah atau "
               "bagaimana kebutuhan dapat dipenuhi."),
    (HEADING, "Berbagai Jenis Peran yang Dihadapi Klien"),
    (SENTENCE, "Perwakilan layanan pelanggan, kasir, resepsionis hotel, dan staf lantai penjualan "
               "semuanya dapat dianggap sebagai posisi yang berhadapan dengan klien mengingat "
               "interaksi satu lawan satu dengan klien."),
    (SENTENCE, "Profesional seperti agen penjual, agen asuransi, dan perencana acara juga "
               "memiliki tugas yang dihadapi klien berdasarkan sifat peran mereka."),
    (SENTENCE, "Realtors, misalnya, membawa calon pembeli rumah untuk melihat properti yang "
               "berbeda yang mungkin menarik bagi mereka dan menunjukkan fitur hunian, "
               "bagian-bagian rumah yang membutuhkan perbaikan, dan aspek lingkungan dan "
               "komunitas."),
    (SENTENCE, "Agen asuransi mungkin berdiskusi di kantor mereka dengan klien tentang "
               "jenis-jenis kebijakan yang paling sesuai dengan tujuan dan kebutuhan mereka untuk "
               "perlindungan."),
    (SENTENCE, "Seorang asisten administrasi yang menyambut pengunjung ke kantor atas nama "
               "perusahaan dianggap memiliki peran yang dihadapi klien."),
    (SENTENCE, "Cara staf yang menghadapi klien merespons pelanggan dapat memiliki efek besar "
               "pada penjualan ritel, bisnis berulang, dan aktivitas pengeluaran."),
    (SENTENCE, "Seorang pelanggan yang percaya bahwa mereka telah didengarkan, berpikir bahwa "
               "kebutuhan mereka telah dipenuhi, dan merasa mereka telah menerima saran yang "
               "bermanfaat, mungkin cenderung untuk menggurui bisnis lagi, jika tidak menambah "
               "ukuran dan ruang lingkup pembelian mereka."),
    (SENTENCE, "Perusahaan dapat melakukan upaya khusus dalam memilih karyawan untuk mengisi "
               "peran yang dihadapi klien mengingat efek interaksi mereka dengan pelanggan."),
    (SENTENCE, "Pengalaman yang tidak memuaskan di lokasi ritel atau restoran dapat memaksa "
               "konsumen untuk mengunjungi perusahaan pesaing di masa depan dengan harapan "
               "menerima layanan yang lebih baik."),
    (HEADING, "Pertimbangan Khusus: Media Sosial"),
    (SENTENCE, "Peran yang dihadapi klien berubah dengan meningkatnya penggunaan media sosial "
               "untuk berkomunikasi dan berinteraksi langsung dengan pelanggan."),
    (SENTENCE, "Bukan hal yang aneh bagi konsumen untuk menyuarakan ketidaksenangan dan pujian "
               "mereka dengan mengeluarkan komentar yang diarahkan pada bisnis."),
    (SENTENCE, "Karyawan yang berperan merespons komentar semacam itu di media sosial dapat "
               "memiliki efek yang sebanding dengan orang yang menyambut pelanggan di toko."),
    (SENTENCE, "Pelanggan tidak hanya akan menerima pesan, tetapi siapa pun di publik yang "
               "memperhatikan interaksi juga dapat menilai respons perusahaan dan bereaksi "
               "sesuai."),
]


@pytest.mark.parametrize(("lang", "expected"), [("lv", LV), ("id", ID)])
def test_seed_segments(lang: str, expected: list[tuple[str, str]]):
    doc = load_document(CORPUS / lang / "client-facing.md", lang)
    assert [(s.kind, s.text) for s in doc.segments] == expected


@pytest.mark.parametrize("lang", ["lv", "id"])
def test_seed_locations(lang: str):
    doc = load_document(CORPUS / lang / "client-facing.md", lang)
    lines = doc.text.split("\n")
    for s in doc.segments:
        assert doc.text[s.start:s.end] == s.text
        assert lines[s.line - 1][s.column - 1:].startswith(s.text)
    # The list item's marker is kept out of its text, on its first sentence only.
    items = [s for s in doc.segments if s.kind == LIST_ITEM]
    assert [s.marker for s in items] == ["-", "", ""]
    assert (items[0].line, items[0].column) == (4, 3)
    assert all(s.marker == "" for s in doc.segments if s.kind != LIST_ITEM)
