"""Idiom table for training the mistranslation detector only (written for this project).

English idioms and set phrases, each with, for Latvian, Indonesian, German and French, a pair
(idiomatic rendering, word-by-word literal rendering); the literal one is a planted calque error.
Short heading-like phrases come first, then full sentences whose non-idiom part is the same in both
renderings. It shares no idiom with the benchmark's ``IDIOMS`` table in ``plant_errors.py``, and
idioms whose literal rendering is accepted usage in any of the four languages are left out.
"""

TRAIN_IDIOMS: list[tuple[str, dict[str, tuple[str, str]]]] = [
    # Heading-like phrases.
    ("Back to Square One", {
        "lv": ("Atpakaļ sākumpunktā", "Atpakaļ pie pirmā kvadrāta"),
        "id": ("Kembali ke Titik Awal", "Kembali ke Kotak Satu"),
        "de": ("Zurück auf Anfang", "Zurück zu Quadrat eins"),
        "fr": ("Retour à la case départ", "Retour au carré un")}),
    ("Across the Board", {
        "lv": ("Visās jomās", "Pāri dēlim"),
        "id": ("Secara Menyeluruh", "Di Seberang Papan"),
        "de": ("Auf ganzer Linie", "Über das Brett"),
        "fr": ("Dans tous les domaines", "À travers le tableau")}),
    ("Jumping the Gun", {
        "lv": ("Steigšanās notikumiem pa priekšu", "Lēkšana pāri pistolei"),
        "id": ("Bertindak Terburu-buru", "Melompati Pistol"),
        "de": ("Voreilig handeln", "Die Pistole springen"),
        "fr": ("Agir prématurément", "Sauter le pistolet")}),
    ("A Red Herring", {
        "lv": ("Maldinošs pavediens", "Sarkanā siļķe"),
        "id": ("Pengalih Perhatian", "Ikan Haring Merah"),
        "de": ("Eine falsche Fährte", "Ein roter Hering"),
        "fr": ("Une fausse piste", "Un hareng rouge")}),
    ("Blue-Sky Thinking", {
        "lv": ("Radoša domāšana bez ierobežojumiem", "Zilo debesu domāšana"),
        "id": ("Pemikiran Kreatif Tanpa Batas", "Pemikiran Langit Biru"),
        "de": ("Visionäres Denken", "Blauer-Himmel-Denken"),
        "fr": ("Réflexion sans contraintes", "Pensée ciel bleu")}),
    ("A Silver Lining", {
        "lv": ("Cerību stars", "Sudraba odere"),
        "id": ("Hikmah di Balik Kesulitan", "Lapisan Perak"),
        "de": ("Ein Silberstreif am Horizont", "Ein silbernes Futter"),
        "fr": ("Une lueur d'espoir", "Une doublure argentée")}),
    ("The Nuts and Bolts", {
        "lv": ("Praktiskās pamatlietas", "Uzgriežņi un skrūves"),
        "id": ("Seluk-Beluk Praktis", "Mur dan Baut"),
        "de": ("Die praktischen Grundlagen", "Die Muttern und Schrauben"),
        "fr": ("Les aspects pratiques", "Les écrous et les boulons")}),
    ("Bells and Whistles", {
        "lv": ("Liekas greznības", "Zvani un svilpes"),
        "id": ("Fitur Tambahan yang Tidak Perlu", "Lonceng dan Peluit"),
        "de": ("Schnickschnack", "Glocken und Pfeifen"),
        "fr": ("Fioritures", "Cloches et sifflets")}),
    ("Ahead of the Curve", {
        "lv": ("Soli priekšā citiem", "Priekšā līknei"),
        "id": ("Selangkah Lebih Maju", "Di Depan Kurva"),
        "de": ("Der Zeit voraus", "Vor der Kurve"),
        "fr": ("Une longueur d'avance", "En avance sur la courbe")}),
    ("Running a Tight Ship", {
        "lv": ("Vadīt ar stingru roku", "Vadīt ciešu kuģi"),
        "id": ("Memimpin dengan Disiplin Ketat", "Menjalankan Kapal yang Ketat"),
        "de": ("Mit straffer Hand führen", "Ein enges Schiff betreiben"),
        "fr": ("Diriger d'une main ferme", "Diriger un navire serré")}),
    ("Par for the Course", {
        "lv": ("Nekas neparasts", "Pars kursam"),
        "id": ("Sudah Biasa", "Par untuk Lapangan"),
        "de": ("Ganz normal", "Par für den Kurs"),
        "fr": ("Rien d'inhabituel", "Le par pour le parcours")}),
    ("Crunch Time", {
        "lv": ("Izšķirošais brīdis", "Krakšķēšanas laiks"),
        "id": ("Saat-Saat Genting", "Waktu Mengunyah"),
        "de": ("Die heiße Phase", "Knirschzeit"),
        "fr": ("Le moment décisif", "Le temps de croquer")}),
    ("Smoke and Mirrors", {
        "lv": ("Acu apmānīšana", "Dūmi un spoguļi"),
        "id": ("Tipu Muslihat", "Asap dan Cermin"),
        "de": ("Blendwerk", "Rauch und Spiegel"),
        "fr": ("De la poudre aux yeux", "Fumée et miroirs")}),
    ("Long Story Short", {
        "lv": ("Īsumā", "Garš stāsts īss"),
        "id": ("Singkat Cerita", "Cerita Panjang Pendek"),
        "de": ("Kurz gesagt", "Lange Geschichte kurz"),
        "fr": ("Bref", "Longue histoire courte")}),
    ("With Flying Colors", {
        "lv": ("Ar izcilību", "Ar lidojošām krāsām"),
        "id": ("Dengan Gemilang", "Dengan Warna Terbang"),
        "de": ("Mit Bravour", "Mit fliegenden Farben"),
        "fr": ("Haut la main", "Avec des couleurs volantes")}),
    ("The Sweet Spot", {
        "lv": ("Optimālais līdzsvars", "Saldais punkts"),
        "id": ("Titik Optimal", "Titik Manis"),
        "de": ("Der optimale Punkt", "Der süße Fleck"),
        "fr": ("Le juste équilibre", "Le point sucré")}),
    ("Thinking on Your Feet", {
        "lv": ("Spēja ātri reaģēt", "Domāšana uz kājām"),
        "id": ("Berpikir Cepat", "Berpikir di Atas Kaki"),
        "de": ("Schlagfertig reagieren", "Auf den Füßen denken"),
        "fr": ("Réagir au quart de tour", "Penser sur ses pieds")}),
    ("Pie in the Sky", {
        "lv": ("Gaisa pilis", "Pīrāgs debesīs"),
        "id": ("Angan-Angan Kosong", "Pai di Langit"),
        "de": ("Luftschlösser", "Kuchen im Himmel"),
        "fr": ("Des châteaux en Espagne", "Une tarte dans le ciel")}),
    ("Facing the Music", {
        "lv": ("Atbildības uzņemšanās", "Stāšanās pretī mūzikai"),
        "id": ("Menanggung Akibat", "Menghadapi Musik"),
        "de": ("Die Konsequenzen tragen", "Der Musik ins Gesicht sehen"),
        "fr": ("Assumer les conséquences", "Faire face à la musique")}),
    ("Burning the Midnight Oil", {
        "lv": ("Strādāšana līdz vēlai naktij", "Pusnakts eļļas dedzināšana"),
        "id": ("Bekerja hingga Larut Malam", "Membakar Minyak Tengah Malam"),
        "de": ("Bis spät in die Nacht arbeiten", "Das Mitternachtsöl verbrennen"),
        "fr": ("Travailler tard dans la nuit", "Brûler l'huile de minuit")}),
    ("More Bang for Your Buck", {
        "lv": ("Lielāka vērtība par jūsu naudu", "Vairāk blīkšķa par jūsu dolāru"),
        "id": ("Nilai Lebih untuk Uang Anda", "Lebih Banyak Dentuman untuk Dolar Anda"),
        "de": ("Mehr für Ihr Geld", "Mehr Knall für Ihren Dollar"),
        "fr": ("En avoir plus pour son argent", "Plus de boum pour votre dollar")}),
    ("Down to the Wire", {
        "lv": ("Līdz pēdējam brīdim", "Lejā līdz vadam"),
        "id": ("Hingga Detik Terakhir", "Turun ke Kawat"),
        "de": ("Bis zur letzten Sekunde", "Hinunter bis zum Draht"),
        "fr": ("Jusqu'à la dernière minute", "En bas jusqu'au fil")}),
    ("The Whole Nine Yards", {
        "lv": ("Viss pilnā apmērā", "Visi deviņi jardi"),
        "id": ("Semuanya secara Lengkap", "Seluruh Sembilan Yard"),
        "de": ("Das volle Programm", "Die ganzen neun Yards"),
        "fr": ("Le grand jeu", "Les neuf yards entiers")}),
    ("Cutting-Edge Technology", {
        "lv": ("Vismodernākās tehnoloģijas", "Griezējmalas tehnoloģija"),
        "id": ("Teknologi Mutakhir", "Teknologi Ujung Pemotong"),
        "de": ("Spitzentechnologie", "Schneidekanten-Technologie"),
        "fr": ("Technologie de pointe", "Technologie à bord tranchant")}),
    ("Fat Chance", {
        "lv": ("Diez vai", "Resna iespēja"),
        "id": ("Mana Mungkin", "Peluang Gemuk"),
        "de": ("Wohl kaum", "Fette Chance"),
        "fr": ("Aucune chance", "Grosse chance")}),
    ("A Sitting Duck", {
        "lv": ("Viegls mērķis", "Sēdoša pīle"),
        "id": ("Sasaran Empuk", "Bebek Duduk"),
        "de": ("Leichte Beute", "Eine sitzende Ente"),
        "fr": ("Une cible facile", "Un canard assis")}),
    # Full sentences.
    ("Someone spilled the beans about the merger before the official announcement.", {
        "lv": ("Kāds izpļāpāja informāciju par apvienošanos pirms oficiālā paziņojuma.",
               "Kāds izlēja pupiņas par apvienošanos pirms oficiālā paziņojuma."),
        "id": ("Seseorang membocorkan rahasia tentang merger itu sebelum pengumuman resmi.",
               "Seseorang menumpahkan kacang tentang merger itu sebelum pengumuman resmi."),
        "de": ("Jemand hat vor der offiziellen Ankündigung Details über die Fusion ausgeplaudert.",
               "Jemand hat vor der offiziellen Ankündigung die Bohnen über die Fusion verschüttet."),
        "fr": ("Quelqu'un a vendu la mèche au sujet de la fusion avant l'annonce officielle.",
               "Quelqu'un a renversé les haricots au sujet de la fusion avant l'annonce officielle.")}),
    ("Please stop beating around the bush and tell us what the audit found.", {
        "lv": ("Lūdzu, beidziet runāt aplinkus un pastāstiet, ko atklāja revīzija.",
               "Lūdzu, beidziet sist ap krūmu un pastāstiet, ko atklāja revīzija."),
        "id": ("Tolong berhenti berbelit-belit dan katakan apa temuan audit itu.",
               "Tolong berhenti memukul di sekitar semak dan katakan apa temuan audit itu."),
        "de": ("Bitte reden Sie nicht länger um den heißen Brei herum und sagen Sie uns, was die Prüfung "
               "ergeben hat.",
               "Bitte schlagen Sie nicht länger um den Busch herum und sagen Sie uns, was die Prüfung "
               "ergeben hat."),
        "fr": ("S'il vous plaît, arrêtez de tourner autour du pot et dites-nous ce que l'audit a révélé.",
               "S'il vous plaît, arrêtez de battre autour du buisson et dites-nous ce que l'audit a "
               "révélé.")}),
    ("If you think the delay is the supplier's fault, you are barking up the wrong tree.", {
        "lv": ("Ja jūs domājat, ka kavēšanās ir piegādātāja vaina, jūs meklējat nepareizā vietā.",
               "Ja jūs domājat, ka kavēšanās ir piegādātāja vaina, jūs rejat uz nepareizo koku."),
        "id": ("Jika Anda mengira keterlambatan itu kesalahan pemasok, Anda salah sasaran.",
               "Jika Anda mengira keterlambatan itu kesalahan pemasok, Anda menggonggong di pohon yang "
               "salah."),
        "de": ("Wenn Sie glauben, dass die Verzögerung die Schuld des Lieferanten ist, sind Sie auf dem "
               "Holzweg.",
               "Wenn Sie glauben, dass die Verzögerung die Schuld des Lieferanten ist, bellen Sie den "
               "falschen Baum an."),
        "fr": ("Si vous pensez que le retard est la faute du fournisseur, vous faites fausse route.",
               "Si vous pensez que le retard est la faute du fournisseur, vous aboyez au mauvais arbre.")}),
    ("I'll have to take a rain check on lunch today because the client meeting ran long.", {
        "lv": ("Šodienas pusdienas man būs jāatliek uz citu reizi, jo tikšanās ar klientu ievilkās.",
               "Šodienas pusdienām man būs jāpaņem lietus čeks, jo tikšanās ar klientu ievilkās."),
        "id": ("Saya terpaksa menunda makan siang kita hari ini, karena rapat dengan klien berlangsung "
               "lebih lama.",
               "Saya terpaksa mengambil cek hujan untuk makan siang kita hari ini, karena rapat dengan "
               "klien berlangsung lebih lama."),
        "de": ("Das Mittagessen heute muss ich leider auf ein andermal verschieben, weil das "
               "Kundengespräch länger gedauert hat.",
               "Für das Mittagessen heute muss ich leider einen Regenscheck nehmen, weil das "
               "Kundengespräch länger gedauert hat."),
        "fr": ("Je vais devoir remettre notre déjeuner à une autre fois, car la réunion avec le client "
               "s'est prolongée.",
               "Je vais devoir prendre un chèque de pluie pour notre déjeuner, car la réunion avec le "
               "client s'est prolongée.")}),
    ("You must be pulling my leg if you think we can finish this by Friday.", {
        "lv": ("Jūs noteikti jokojat, ja domājat, ka mēs to varam pabeigt līdz piektdienai.",
               "Jūs noteikti velkat manu kāju, ja domājat, ka mēs to varam pabeigt līdz piektdienai."),
        "id": ("Anda pasti bercanda kalau mengira kita bisa menyelesaikan ini paling lambat hari Jumat.",
               "Anda pasti menarik kaki saya kalau mengira kita bisa menyelesaikan ini paling lambat "
               "hari Jumat."),
        "de": ("Sie nehmen mich wohl auf den Arm, wenn Sie glauben, dass wir das bis Freitag schaffen.",
               "Sie ziehen wohl an meinem Bein, wenn Sie glauben, dass wir das bis Freitag schaffen."),
        "fr": ("Vous vous moquez de moi si vous pensez que nous pouvons terminer cela d'ici vendredi.",
               "Vous me tirez la jambe si vous pensez que nous pouvons terminer cela d'ici vendredi.")}),
    ("After the scandal, the finance director got the sack.", {
        "lv": ("Pēc skandāla finanšu direktoru atlaida no darba.",
               "Pēc skandāla finanšu direktors dabūja maisu."),
        "id": ("Setelah skandal itu, direktur keuangan dipecat.",
               "Setelah skandal itu, direktur keuangan mendapat karung."),
        "de": ("Nach dem Skandal wurde der Finanzdirektor entlassen.",
               "Nach dem Skandal bekam der Finanzdirektor den Sack."),
        "fr": ("Après le scandale, le directeur financier a été renvoyé.",
               "Après le scandale, le directeur financier a reçu le sac.")}),
    ("Managers should not pass the buck when a project fails.", {
        "lv": ("Vadītājiem nevajadzētu novelt atbildību uz citiem, kad projekts cieš neveiksmi.",
               "Vadītājiem nevajadzētu nodot tālāk dolāru, kad projekts cieš neveiksmi."),
        "id": ("Para manajer tidak boleh melempar tanggung jawab ketika sebuah proyek gagal.",
               "Para manajer tidak boleh mengoper dolar ketika sebuah proyek gagal."),
        "de": ("Führungskräfte sollten anderen nicht den Schwarzen Peter zuschieben, wenn ein Projekt "
               "scheitert.",
               "Führungskräfte sollten nicht den Dollar weiterreichen, wenn ein Projekt scheitert."),
        "fr": ("Les responsables ne devraient pas se renvoyer la balle lorsqu'un projet échoue.",
               "Les responsables ne devraient pas passer le dollar lorsqu'un projet échoue.")}),
    ("Many small retailers jumped on the bandwagon and started selling online.", {
        "lv": ("Daudzi mazie mazumtirgotāji sekoja modes tendencei un sāka tirgoties tiešsaistē.",
               "Daudzi mazie mazumtirgotāji uzlēca uz orķestra ratiem un sāka tirgoties tiešsaistē."),
        "id": ("Banyak pengecer kecil ikut-ikutan dan mulai berjualan daring.",
               "Banyak pengecer kecil melompat ke kereta musik dan mulai berjualan daring."),
        "de": ("Viele kleine Einzelhändler sprangen auf den fahrenden Zug auf und begannen, online zu "
               "verkaufen.",
               "Viele kleine Einzelhändler sprangen auf den Musikwagen und begannen, online zu verkaufen."),
        "fr": ("De nombreux petits commerçants ont pris le train en marche et ont commencé à vendre en "
               "ligne.",
               "De nombreux petits commerçants ont sauté dans le wagon de la fanfare et ont commencé à "
               "vendre en ligne.")}),
    ("When the crisis hit, the deputy minister stepped up to the plate.", {
        "lv": ("Kad sākās krīze, ministra vietnieks uzņēmās atbildību.",
               "Kad sākās krīze, ministra vietnieks pakāpās līdz šķīvim."),
        "id": ("Ketika krisis melanda, wakil menteri tampil mengambil tanggung jawab.",
               "Ketika krisis melanda, wakil menteri melangkah ke piring."),
        "de": ("Als die Krise kam, übernahm der stellvertretende Minister Verantwortung.",
               "Als die Krise kam, trat der stellvertretende Minister an die Platte."),
        "fr": ("Quand la crise a éclaté, le vice-ministre a pris ses responsabilités.",
               "Quand la crise a éclaté, le vice-ministre s'est avancé vers l'assiette.")}),
    ("The sales team hit the road early to meet clients in three cities.", {
        "lv": ("Pārdošanas komanda agri devās ceļā, lai tiktos ar klientiem trīs pilsētās.",
               "Pārdošanas komanda agri sita ceļu, lai tiktos ar klientiem trīs pilsētās."),
        "id": ("Tim penjualan berangkat pagi-pagi untuk menemui klien di tiga kota.",
               "Tim penjualan memukul jalan pagi-pagi untuk menemui klien di tiga kota."),
        "de": ("Das Vertriebsteam machte sich früh auf den Weg, um Kunden in drei Städten zu treffen.",
               "Das Vertriebsteam schlug früh die Straße, um Kunden in drei Städten zu treffen."),
        "fr": ("L'équipe commerciale a pris la route tôt pour rencontrer des clients dans trois villes.",
               "L'équipe commerciale a frappé la route tôt pour rencontrer des clients dans trois "
               "villes.")}),
    ("The first drafts were not up to scratch, so they had to be rewritten.", {
        "lv": ("Pirmie melnraksti neatbilda prasībām, tāpēc tie bija jāpārraksta.",
               "Pirmie melnraksti nebija līdz skrāpējumam, tāpēc tie bija jāpārraksta."),
        "id": ("Draf pertama tidak memenuhi standar, sehingga harus ditulis ulang.",
               "Draf pertama tidak sampai goresan, sehingga harus ditulis ulang."),
        "de": ("Die ersten Entwürfe genügten den Anforderungen nicht, deshalb mussten sie neu "
               "geschrieben werden.",
               "Die ersten Entwürfe waren nicht bis zum Kratzer, deshalb mussten sie neu geschrieben "
               "werden."),
        "fr": ("Les premières ébauches n'étaient pas à la hauteur, il a donc fallu les réécrire.",
               "Les premières ébauches n'étaient pas jusqu'à l'égratignure, il a donc fallu les "
               "réécrire.")}),
    ("Off the top of my head, I would say we have about forty suppliers.", {
        "lv": ("Tā uzreiz es teiktu, ka mums ir aptuveni četrdesmit piegādātāju.",
               "No manas galvas augšas es teiktu, ka mums ir aptuveni četrdesmit piegādātāju."),
        "id": ("Tanpa mengecek dulu, saya kira kita punya sekitar empat puluh pemasok.",
               "Dari atas kepala saya, saya kira kita punya sekitar empat puluh pemasok."),
        "de": ("Spontan würde ich sagen, dass wir etwa vierzig Lieferanten haben.",
               "Von der Oberseite meines Kopfes würde ich sagen, dass wir etwa vierzig Lieferanten "
               "haben."),
        "fr": ("De mémoire, je dirais que nous avons une quarantaine de fournisseurs.",
               "Du haut de ma tête, je dirais que nous avons une quarantaine de fournisseurs.")}),
    ("The junior analyst stole her manager's thunder by presenting the idea first.", {
        "lv": ("Jaunākā analītiķe aizēnoja savu vadītāju, pirmā prezentējot ideju.",
               "Jaunākā analītiķe nozaga sava vadītāja pērkonu, pirmā prezentējot ideju."),
        "id": ("Analis junior itu mencuri perhatian dari manajernya dengan mempresentasikan ide "
               "tersebut lebih dulu.",
               "Analis junior itu mencuri guntur manajernya dengan mempresentasikan ide tersebut lebih "
               "dulu."),
        "de": ("Die Nachwuchsanalystin stahl ihrem Vorgesetzten die Schau, indem sie die Idee zuerst "
               "präsentierte.",
               "Die Nachwuchsanalystin stahl den Donner ihres Vorgesetzten, indem sie die Idee zuerst "
               "präsentierte."),
        "fr": ("La jeune analyste a volé la vedette à son responsable en présentant l'idée la première.",
               "La jeune analyste a volé le tonnerre de son responsable en présentant l'idée la "
               "première.")}),
    ("In this company, the chief financial officer calls the shots.", {
        "lv": ("Šajā uzņēmumā finanšu direktors ir galvenais noteicējs.",
               "Šajā uzņēmumā finanšu direktors sauc šāvienus."),
        "id": ("Di perusahaan ini, direktur keuangan yang memegang kendali.",
               "Di perusahaan ini, direktur keuangan yang memanggil tembakan."),
        "de": ("In diesem Unternehmen hat der Finanzvorstand das Sagen.",
               "In diesem Unternehmen ruft der Finanzvorstand die Schüsse."),
        "fr": ("Dans cette entreprise, c'est le directeur financier qui mène la danse.",
               "Dans cette entreprise, c'est le directeur financier qui appelle les tirs.")}),
    ("The regulator turned a blind eye to the bank's risky lending.", {
        "lv": ("Uzraugs pievēra acis uz bankas riskanto kreditēšanu.",
               "Uzraugs pagrieza aklu aci pret bankas riskanto kreditēšanu."),
        "id": ("Regulator menutup mata terhadap penyaluran kredit berisiko oleh bank itu.",
               "Regulator memalingkan mata buta terhadap penyaluran kredit berisiko oleh bank itu."),
        "de": ("Die Aufsichtsbehörde drückte bei der riskanten Kreditvergabe der Bank ein Auge zu.",
               "Die Aufsichtsbehörde drehte bei der riskanten Kreditvergabe der Bank ein blindes Auge."),
        "fr": ("Le régulateur a fermé les yeux sur les prêts risqués de la banque.",
               "Le régulateur a tourné un œil aveugle vers les prêts risqués de la banque.")}),
    ("Our small team is spreading itself too thin across too many projects.", {
        "lv": ("Mūsu mazā komanda izkliedē spēkus pārāk daudzos projektos.",
               "Mūsu mazā komanda izklājas pārāk plāni pārāk daudzos projektos."),
        "id": ("Tim kecil kami terpecah fokusnya karena menangani terlalu banyak proyek.",
               "Tim kecil kami menyebar dirinya terlalu tipis karena menangani terlalu banyak proyek."),
        "de": ("Unser kleines Team verzettelt sich in zu vielen Projekten.",
               "Unser kleines Team breitet sich in zu vielen Projekten zu dünn aus."),
        "fr": ("Notre petite équipe se disperse sur trop de projets.",
               "Notre petite équipe s'étale trop finement sur trop de projets.")}),
    ("The outdoor trade fair will go ahead come rain or shine.", {
        "lv": ("Brīvdabas tirdzniecības izstāde notiks jebkuros laikapstākļos.",
               "Brīvdabas tirdzniecības izstāde notiks, nāc lietus vai saule."),
        "id": ("Pameran dagang luar ruangan itu tetap akan berlangsung apa pun cuacanya.",
               "Pameran dagang luar ruangan itu tetap akan berlangsung datang hujan atau cerah."),
        "de": ("Die Freiluftmesse findet bei Wind und Wetter statt.",
               "Die Freiluftmesse findet komm Regen oder Sonnenschein statt."),
        "fr": ("Le salon en plein air aura lieu qu'il pleuve ou qu'il vente.",
               "Le salon en plein air aura lieu venez pluie ou soleil.")}),
    ("Several senior engineers jumped ship to a competitor last month.", {
        "lv": ("Vairāki vecākie inženieri pagājušajā mēnesī pārgāja pie konkurenta.",
               "Vairāki vecākie inženieri pagājušajā mēnesī lēca kuģi pie konkurenta."),
        "id": ("Beberapa insinyur senior hengkang ke perusahaan pesaing bulan lalu.",
               "Beberapa insinyur senior melompat kapal ke perusahaan pesaing bulan lalu."),
        "de": ("Mehrere leitende Ingenieure sind letzten Monat zur Konkurrenz abgewandert.",
               "Mehrere leitende Ingenieure sind letzten Monat zur Konkurrenz Schiff gesprungen."),
        "fr": ("Plusieurs ingénieurs expérimentés sont partis chez un concurrent le mois dernier.",
               "Plusieurs ingénieurs expérimentés ont sauté le navire vers un concurrent le mois "
               "dernier.")}),
    ("The chairman hit the roof when he saw the quarterly losses.", {
        "lv": ("Valdes priekšsēdētājs saniknojās, kad ieraudzīja ceturkšņa zaudējumus.",
               "Valdes priekšsēdētājs trāpīja jumtam, kad ieraudzīja ceturkšņa zaudējumus."),
        "id": ("Ketua dewan naik pitam ketika melihat kerugian kuartalan itu.",
               "Ketua dewan memukul atap ketika melihat kerugian kuartalan itu."),
        "de": ("Der Vorsitzende ging an die Decke, als er die Quartalsverluste sah.",
               "Der Vorsitzende schlug das Dach, als er die Quartalsverluste sah."),
        "fr": ("Le président a piqué une colère noire en voyant les pertes trimestrielles.",
               "Le président a frappé le toit en voyant les pertes trimestrielles.")}),
    ("Before the audit, we need to get our ducks in a row.", {
        "lv": ("Pirms revīzijas mums jāsakārto visas lietas.",
               "Pirms revīzijas mums jānostāda savas pīles rindā."),
        "id": ("Sebelum audit, kita perlu membereskan semuanya.",
               "Sebelum audit, kita perlu menjajarkan bebek-bebek kita."),
        "de": ("Vor der Prüfung müssen wir unsere Unterlagen in Ordnung bringen.",
               "Vor der Prüfung müssen wir unsere Enten in eine Reihe bringen."),
        "fr": ("Avant l'audit, nous devons mettre de l'ordre dans nos affaires.",
               "Avant l'audit, nous devons aligner nos canards.")}),
    ("Searching for the missing invoices turned out to be a wild goose chase.", {
        "lv": ("Pazudušo rēķinu meklēšana izrādījās veltīga.",
               "Pazudušo rēķinu meklēšana izrādījās savvaļas zoss medības."),
        "id": ("Pencarian faktur yang hilang itu ternyata sia-sia.",
               "Pencarian faktur yang hilang itu ternyata pengejaran angsa liar."),
        "de": ("Die Suche nach den fehlenden Rechnungen erwies sich als vergebliche Mühe.",
               "Die Suche nach den fehlenden Rechnungen erwies sich als Wildgansjagd."),
        "fr": ("La recherche des factures manquantes s'est révélée vaine.",
               "La recherche des factures manquantes s'est révélée une chasse à l'oie sauvage.")}),
    ("The project manager flew off the handle when the deadline was missed again.", {
        "lv": ("Projekta vadītājs zaudēja savaldību, kad termiņš atkal tika nokavēts.",
               "Projekta vadītājs aizlidoja no roktura, kad termiņš atkal tika nokavēts."),
        "id": ("Manajer proyek itu naik darah ketika tenggat waktu kembali terlewat.",
               "Manajer proyek itu terbang dari gagangnya ketika tenggat waktu kembali terlewat."),
        "de": ("Der Projektleiter fuhr aus der Haut, als die Frist erneut verpasst wurde.",
               "Der Projektleiter flog vom Griff, als die Frist erneut verpasst wurde."),
        "fr": ("Le chef de projet est sorti de ses gonds quand l'échéance a de nouveau été manquée.",
               "Le chef de projet s'est envolé de la poignée quand l'échéance a de nouveau été "
               "manquée.")}),
    ("She would accept a job offer from that firm at the drop of a hat.", {
        "lv": ("Viņa bez vilcināšanās pieņemtu darba piedāvājumu no šī uzņēmuma.",
               "Viņa pie cepures nokrišanas pieņemtu darba piedāvājumu no šī uzņēmuma."),
        "id": ("Dia akan menerima tawaran kerja dari perusahaan itu tanpa berpikir dua kali.",
               "Dia akan menerima tawaran kerja dari perusahaan itu saat topi jatuh."),
        "de": ("Sie würde ein Stellenangebot dieser Firma ohne zu zögern annehmen.",
               "Sie würde ein Stellenangebot dieser Firma beim Fallen eines Hutes annehmen."),
        "fr": ("Elle accepterait sans hésiter une offre d'emploi de cette entreprise.",
               "Elle accepterait à la chute d'un chapeau une offre d'emploi de cette entreprise.")}),
    ("The new interns got the hang of the accounting software within a few days.", {
        "lv": ("Jaunie praktikanti dažu dienu laikā iemanījās strādāt ar grāmatvedības programmu.",
               "Jaunie praktikanti dažu dienu laikā dabūja grāmatvedības programmas piekāršanos."),
        "id": ("Para pekerja magang baru sudah mahir menggunakan perangkat lunak akuntansi dalam "
               "beberapa hari.",
               "Para pekerja magang baru sudah mendapatkan gantungan perangkat lunak akuntansi dalam "
               "beberapa hari."),
        "de": ("Die neuen Praktikanten hatten den Dreh mit der Buchhaltungssoftware innerhalb weniger "
               "Tage heraus.",
               "Die neuen Praktikanten bekamen das Hängen der Buchhaltungssoftware innerhalb weniger "
               "Tage."),
        "fr": ("Les nouveaux stagiaires ont pris le coup de main avec le logiciel comptable en quelques "
               "jours.",
               "Les nouveaux stagiaires ont obtenu la pendaison du logiciel comptable en quelques "
               "jours.")}),
    ("The union made a last-ditch effort to prevent the factory from closing.", {
        "lv": ("Arodbiedrība veica pēdējo izmisīgo mēģinājumu novērst rūpnīcas slēgšanu.",
               "Arodbiedrība veica pēdējā grāvja pūles novērst rūpnīcas slēgšanu."),
        "id": ("Serikat pekerja melakukan upaya terakhir untuk mencegah pabrik itu ditutup.",
               "Serikat pekerja melakukan upaya parit terakhir untuk mencegah pabrik itu ditutup."),
        "de": ("Die Gewerkschaft unternahm einen letzten verzweifelten Versuch, die Schließung des "
               "Werks zu verhindern.",
               "Die Gewerkschaft unternahm eine Anstrengung des letzten Grabens, die Schließung des "
               "Werks zu verhindern."),
        "fr": ("Le syndicat a fait une ultime tentative pour empêcher la fermeture de l'usine.",
               "Le syndicat a fait un effort de dernier fossé pour empêcher la fermeture de l'usine.")}),
    ("Sales quickly went south after the product recall in March.", {
        "lv": ("Pēc produkta atsaukšanas martā pārdošanas apjomi strauji kritās.",
               "Pēc produkta atsaukšanas martā pārdošanas apjomi ātri devās uz dienvidiem."),
        "id": ("Penjualan langsung anjlok setelah penarikan produk pada bulan Maret.",
               "Penjualan dengan cepat pergi ke selatan setelah penarikan produk pada bulan Maret."),
        "de": ("Nach dem Produktrückruf im März ging es mit dem Umsatz rasch bergab.",
               "Nach dem Produktrückruf im März ging der Umsatz rasch nach Süden."),
        "fr": ("Les ventes se sont rapidement effondrées après le rappel du produit en mars.",
               "Les ventes sont rapidement parties vers le sud après le rappel du produit en mars.")}),
    ("The two founders hit it off at their very first meeting.", {
        "lv": ("Abi dibinātāji uzreiz atrada kopīgu valodu jau pirmajā tikšanās reizē.",
               "Abi dibinātāji uzsita to jau pirmajā tikšanās reizē."),
        "id": ("Kedua pendiri itu langsung akrab sejak pertemuan pertama mereka.",
               "Kedua pendiri itu memukulnya sejak pertemuan pertama mereka."),
        "de": ("Die beiden Gründer verstanden sich schon bei ihrem allerersten Treffen auf Anhieb.",
               "Die beiden Gründer schlugen es schon bei ihrem allerersten Treffen ab."),
        "fr": ("Les deux fondateurs ont tout de suite sympathisé lors de leur toute première rencontre.",
               "Les deux fondateurs l'ont frappé lors de leur toute première rencontre.")}),
    ("Tenants are paying through the nose for office space in the city centre.", {
        "lv": ("Īrnieki pārmaksā milzīgas summas par biroja telpām pilsētas centrā.",
               "Īrnieki maksā caur degunu par biroja telpām pilsētas centrā."),
        "id": ("Para penyewa membayar sangat mahal untuk ruang kantor di pusat kota.",
               "Para penyewa membayar melalui hidung untuk ruang kantor di pusat kota."),
        "de": ("Mieter zahlen für Büroflächen im Stadtzentrum horrende Preise.",
               "Mieter zahlen für Büroflächen im Stadtzentrum durch die Nase."),
        "fr": ("Les locataires paient les yeux de la tête pour des bureaux en centre-ville.",
               "Les locataires paient par le nez pour des bureaux en centre-ville.")}),
    ("The auditors confirmed that the whole transaction was above board.", {
        "lv": ("Revidenti apstiprināja, ka viss darījums bija godīgs un likumīgs.",
               "Revidenti apstiprināja, ka viss darījums bija virs dēļa."),
        "id": ("Para auditor memastikan bahwa seluruh transaksi itu sah dan transparan.",
               "Para auditor memastikan bahwa seluruh transaksi itu di atas papan."),
        "de": ("Die Prüfer bestätigten, dass die gesamte Transaktion einwandfrei war.",
               "Die Prüfer bestätigten, dass die gesamte Transaktion über dem Brett war."),
        "fr": ("Les auditeurs ont confirmé que toute la transaction était parfaitement régulière.",
               "Les auditeurs ont confirmé que toute la transaction était au-dessus du tableau.")}),
    ("After the budget cuts, the research project got the axe.", {
        "lv": ("Pēc budžeta samazinājumiem pētniecības projektu slēdza.",
               "Pēc budžeta samazinājumiem pētniecības projekts dabūja cirvi."),
        "id": ("Setelah pemotongan anggaran, proyek penelitian itu dihentikan.",
               "Setelah pemotongan anggaran, proyek penelitian itu mendapat kapak."),
        "de": ("Nach den Haushaltskürzungen wurde das Forschungsprojekt gestrichen.",
               "Nach den Haushaltskürzungen bekam das Forschungsprojekt die Axt."),
        "fr": ("Après les coupes budgétaires, le projet de recherche a été supprimé.",
               "Après les coupes budgétaires, le projet de recherche a reçu la hache.")}),
    ("Don't be such a wet blanket; the new campaign deserves a chance.", {
        "lv": ("Nebojā visiem noskaņojumu, jaunā kampaņa ir pelnījusi iespēju.",
               "Neesi tāda slapja sega, jaunā kampaņa ir pelnījusi iespēju."),
        "id": ("Jangan jadi perusak suasana; kampanye baru ini layak diberi kesempatan.",
               "Jangan jadi selimut basah; kampanye baru ini layak diberi kesempatan."),
        "de": ("Sei kein Spielverderber, die neue Kampagne verdient eine Chance.",
               "Sei keine nasse Decke, die neue Kampagne verdient eine Chance."),
        "fr": ("Ne sois pas rabat-joie, la nouvelle campagne mérite sa chance.",
               "Ne sois pas une couverture mouillée, la nouvelle campagne mérite sa chance.")}),
    ("Several hedge funds made a killing on the sudden currency swings.", {
        "lv": ("Vairāki riska ieguldījumu fondi nopelnīja milzīgas summas, izmantojot pēkšņās valūtas "
               "kursa svārstības.",
               "Vairāki riska ieguldījumu fondi izdarīja slepkavību, izmantojot pēkšņās valūtas kursa "
               "svārstības."),
        "id": ("Beberapa dana lindung nilai meraup untung besar dari fluktuasi mata uang yang tiba-tiba.",
               "Beberapa dana lindung nilai membuat pembunuhan dari fluktuasi mata uang yang tiba-tiba."),
        "de": ("Mehrere Hedgefonds machten mit den plötzlichen Währungsschwankungen einen Riesengewinn.",
               "Mehrere Hedgefonds machten mit den plötzlichen Währungsschwankungen einen Mord."),
        "fr": ("Plusieurs fonds spéculatifs ont gagné gros grâce aux brusques variations des devises.",
               "Plusieurs fonds spéculatifs ont fait un meurtre grâce aux brusques variations des "
               "devises.")}),
    ("An early retirement quickly ate into the couple's nest egg.", {
        "lv": ("Priekšlaicīga pensionēšanās ātri samazināja pāra uzkrājumus nebaltai dienai.",
               "Priekšlaicīga pensionēšanās ātri samazināja pāra ligzdas olu."),
        "id": ("Pensiun dini dengan cepat menggerus tabungan cadangan pasangan itu.",
               "Pensiun dini dengan cepat menggerus telur sarang pasangan itu."),
        "de": ("Der vorzeitige Ruhestand zehrte schnell an den Ersparnissen des Paares.",
               "Der vorzeitige Ruhestand zehrte schnell am Nest-Ei des Paares."),
        "fr": ("Une retraite anticipée a vite entamé le pécule du couple.",
               "Une retraite anticipée a vite entamé l'œuf de nid du couple.")}),
    ("Hiring new staff has been put on the back burner until October.", {
        "lv": ("Jaunu darbinieku pieņemšana ir atlikta līdz oktobrim.",
               "Jaunu darbinieku pieņemšana ir nolikta uz aizmugurējā degļa līdz oktobrim."),
        "id": ("Perekrutan staf baru dikesampingkan dulu sampai bulan Oktober.",
               "Perekrutan staf baru diletakkan di kompor belakang sampai bulan Oktober."),
        "de": ("Die Einstellung neuer Mitarbeiter wurde bis Oktober auf Eis gelegt.",
               "Die Einstellung neuer Mitarbeiter wurde bis Oktober auf den hinteren Brenner gestellt."),
        "fr": ("Le recrutement de nouveaux employés a été mis en veilleuse jusqu'en octobre.",
               "Le recrutement de nouveaux employés a été mis sur le brûleur arrière jusqu'en octobre.")}),
    ("The minister's surprise announcement threw the negotiators a curveball.", {
        "lv": ("Ministra negaidītais paziņojums pārsteidza sarunu dalībniekus nesagatavotus.",
               "Ministra negaidītais paziņojums iemeta sarunu dalībniekiem līkumbumbu."),
        "id": ("Pengumuman mendadak sang menteri membuat para negosiator kelabakan.",
               "Pengumuman mendadak sang menteri melempar bola melengkung kepada para negosiator."),
        "de": ("Die überraschende Ankündigung des Ministers brachte die Verhandlungsführer aus dem "
               "Konzept.",
               "Die überraschende Ankündigung des Ministers warf den Verhandlungsführern einen "
               "Kurvenball zu."),
        "fr": ("L'annonce surprise du ministre a pris les négociateurs de court.",
               "L'annonce surprise du ministre a lancé une balle courbe aux négociateurs.")}),
    ("The columnist clearly has an axe to grind with the new mayor.", {
        "lv": ("Komentētājam acīmredzot ir neizkārtoti rēķini ar jauno mēru.",
               "Komentētājam acīmredzot ir cirvis, ko asināt, ar jauno mēru."),
        "id": ("Kolumnis itu jelas punya dendam pribadi terhadap wali kota yang baru.",
               "Kolumnis itu jelas punya kapak untuk diasah dengan wali kota yang baru."),
        "de": ("Der Kolumnist hat mit dem neuen Bürgermeister offensichtlich noch eine Rechnung offen.",
               "Der Kolumnist hat mit dem neuen Bürgermeister offensichtlich eine Axt zu schleifen."),
        "fr": ("Le chroniqueur a manifestement un compte à régler avec le nouveau maire.",
               "Le chroniqueur a manifestement une hache à aiguiser avec le nouveau maire.")}),
    ("The advertisement was meant to be tongue-in-cheek, but some viewers took it seriously.", {
        "lv": ("Reklāma bija domāta ironiski, taču daži skatītāji to uztvēra nopietni.",
               "Reklāma bija domāta ar mēli vaigā, taču daži skatītāji to uztvēra nopietni."),
        "id": ("Iklan itu dimaksudkan sebagai sindiran jenaka, tetapi sebagian penonton menanggapinya "
               "dengan serius.",
               "Iklan itu dimaksudkan sebagai lidah di pipi, tetapi sebagian penonton menanggapinya "
               "dengan serius."),
        "de": ("Die Werbung war augenzwinkernd gemeint, doch einige Zuschauer nahmen sie ernst.",
               "Die Werbung war mit der Zunge in der Wange gemeint, doch einige Zuschauer nahmen sie "
               "ernst."),
        "fr": ("La publicité se voulait au second degré, mais certains spectateurs l'ont prise au "
               "sérieux.",
               "La publicité se voulait la langue dans la joue, mais certains spectateurs l'ont prise "
               "au sérieux.")}),
    ("The inspectors found no evidence of monkey business in the company's accounts.", {
        "lv": ("Inspektori neatrada nekādas blēdību pazīmes uzņēmuma grāmatvedībā.",
               "Inspektori neatrada nekādas pērtiķu biznesa pazīmes uzņēmuma grāmatvedībā."),
        "id": ("Para inspektur tidak menemukan bukti adanya kecurangan dalam pembukuan perusahaan.",
               "Para inspektur tidak menemukan bukti adanya bisnis monyet dalam pembukuan perusahaan."),
        "de": ("Die Prüfer fanden keine Hinweise auf krumme Geschäfte in der Buchhaltung des "
               "Unternehmens.",
               "Die Prüfer fanden keine Hinweise auf Affengeschäfte in der Buchhaltung des "
               "Unternehmens."),
        "fr": ("Les inspecteurs n'ont trouvé aucune trace de magouilles dans les comptes de "
               "l'entreprise.",
               "Les inspecteurs n'ont trouvé aucune trace d'affaires de singe dans les comptes de "
               "l'entreprise.")}),
    ("Our online store is hands down the most profitable part of the business.", {
        "lv": ("Mūsu interneta veikals neapšaubāmi ir visienesīgākā uzņēmuma daļa.",
               "Mūsu interneta veikals rokas lejā ir visienesīgākā uzņēmuma daļa."),
        "id": ("Toko daring kami tanpa diragukan lagi merupakan bagian bisnis yang paling "
               "menguntungkan.",
               "Toko daring kami tangan ke bawah merupakan bagian bisnis yang paling menguntungkan."),
        "de": ("Unser Onlineshop ist mit Abstand der profitabelste Teil des Geschäfts.",
               "Unser Onlineshop ist Hände runter der profitabelste Teil des Geschäfts."),
        "fr": ("Notre boutique en ligne est de loin la partie la plus rentable de l'activité.",
               "Notre boutique en ligne est mains en bas la partie la plus rentable de l'activité.")}),
    ("Qualified software engineers are few and far between in this region.", {
        "lv": ("Kvalificēti programmatūras inženieri šajā reģionā ir retums.",
               "Kvalificēti programmatūras inženieri šajā reģionā ir maz un tālu starp."),
        "id": ("Insinyur perangkat lunak yang berkualifikasi sangat langka di wilayah ini.",
               "Insinyur perangkat lunak yang berkualifikasi sedikit dan jauh di antara di wilayah ini."),
        "de": ("Qualifizierte Softwareingenieure sind in dieser Region dünn gesät.",
               "Qualifizierte Softwareingenieure sind in dieser Region wenige und weit dazwischen."),
        "fr": ("Les ingénieurs logiciels qualifiés se font rares dans cette région.",
               "Les ingénieurs logiciels qualifiés sont peu et loin entre dans cette région.")}),
    ("Winning the contract is a long shot, but we will still submit a bid.", {
        "lv": ("Līguma iegūšana ir maz ticama, taču mēs tomēr iesniegsim piedāvājumu.",
               "Līguma iegūšana ir garš šāviens, taču mēs tomēr iesniegsim piedāvājumu."),
        "id": ("Peluang memenangkan kontrak itu kecil, tetapi kami tetap akan mengajukan penawaran.",
               "Memenangkan kontrak itu adalah tembakan panjang, tetapi kami tetap akan mengajukan "
               "penawaran."),
        "de": ("Den Auftrag zu gewinnen ist eher unwahrscheinlich, aber wir werden trotzdem ein "
               "Angebot abgeben.",
               "Den Auftrag zu gewinnen ist ein langer Schuss, aber wir werden trotzdem ein Angebot "
               "abgeben."),
        "fr": ("Remporter le contrat est peu probable, mais nous allons quand même soumissionner.",
               "Remporter le contrat est un tir lointain, mais nous allons quand même soumissionner.")}),
    ("After the server crash, the developers had to start from scratch.", {
        "lv": ("Pēc servera avārijas izstrādātājiem bija jāsāk no nulles.",
               "Pēc servera avārijas izstrādātājiem bija jāsāk no skrāpējuma."),
        "id": ("Setelah server mengalami kerusakan, para pengembang harus memulai dari nol.",
               "Setelah server mengalami kerusakan, para pengembang harus memulai dari goresan."),
        "de": ("Nach dem Serverabsturz mussten die Entwickler bei null anfangen.",
               "Nach dem Serverabsturz mussten die Entwickler vom Kratzer anfangen."),
        "fr": ("Après la panne du serveur, les développeurs ont dû repartir de zéro.",
               "Après la panne du serveur, les développeurs ont dû partir de l'égratignure.")}),
    ("It was touch and go whether the deal would close before the deadline.", {
        "lv": ("Līdz pēdējam brīdim nebija skaidrs, vai darījumu izdosies noslēgt pirms termiņa.",
               "Tas bija pieskarties un iet, vai darījumu izdosies noslēgt pirms termiņa."),
        "id": ("Sampai detik terakhir belum pasti apakah kesepakatan itu bisa diselesaikan sebelum "
               "tenggat.",
               "Itu sentuh dan pergi apakah kesepakatan itu bisa diselesaikan sebelum tenggat."),
        "de": ("Es stand auf Messers Schneide, ob der Deal vor Fristablauf zustande kommen würde.",
               "Es war berühren und gehen, ob der Deal vor Fristablauf zustande kommen würde."),
        "fr": ("Jusqu'au bout, on ne savait pas si l'accord serait conclu avant la date limite.",
               "C'était toucher et partir si l'accord serait conclu avant la date limite.")}),
    ("Our new analyst is really on the ball and spots errors quickly.", {
        "lv": ("Mūsu jaunais analītiķis ir patiešām apķērīgs un ātri pamana kļūdas.",
               "Mūsu jaunais analītiķis ir patiešām uz bumbas un ātri pamana kļūdas."),
        "id": ("Analis baru kami sangat sigap dan cepat menemukan kesalahan.",
               "Analis baru kami benar-benar di atas bola dan cepat menemukan kesalahan."),
        "de": ("Unser neuer Analyst ist wirklich auf Zack und findet Fehler schnell.",
               "Unser neuer Analyst ist wirklich auf dem Ball und findet Fehler schnell."),
        "fr": ("Notre nouvel analyste est vraiment vif et repère vite les erreurs.",
               "Notre nouvel analyste est vraiment sur la balle et repère vite les erreurs.")}),
    ("The former spokesperson was a loose cannon who often contradicted official statements.", {
        "lv": ("Bijušais preses sekretārs bija neprognozējams cilvēks, kurš bieži apstrīdēja oficiālos "
               "paziņojumus.",
               "Bijušais preses sekretārs bija vaļīgs lielgabals, kurš bieži apstrīdēja oficiālos "
               "paziņojumus."),
        "id": ("Mantan juru bicara itu adalah sosok yang sulit dikendalikan dan sering membantah "
               "pernyataan resmi.",
               "Mantan juru bicara itu adalah meriam lepas dan sering membantah pernyataan resmi."),
        "de": ("Der frühere Sprecher war ein unberechenbarer Querschläger, der offiziellen Erklärungen "
               "oft widersprach.",
               "Der frühere Sprecher war eine lose Kanone, die offiziellen Erklärungen oft widersprach."),
        "fr": ("L'ancien porte-parole était un électron libre qui contredisait souvent les déclarations "
               "officielles.",
               "L'ancien porte-parole était un canon lâche qui contredisait souvent les déclarations "
               "officielles.")}),
    ("The company's new logo is a far cry from the old one.", {
        "lv": ("Uzņēmuma jaunais logotips krasi atšķiras no vecā.",
               "Uzņēmuma jaunais logotips ir tāls kliedziens no vecā."),
        "id": ("Logo baru perusahaan itu jauh berbeda dari yang lama.",
               "Logo baru perusahaan itu adalah teriakan jauh dari yang lama."),
        "de": ("Das neue Logo des Unternehmens ist meilenweit vom alten entfernt.",
               "Das neue Logo des Unternehmens ist ein weiter Schrei vom alten."),
        "fr": ("Le nouveau logo de l'entreprise n'a plus rien à voir avec l'ancien.",
               "Le nouveau logo de l'entreprise est un cri lointain de l'ancien.")}),
    ("The accountant was caught red-handed moving company funds into a private account.", {
        "lv": ("Grāmatvedis tika pieķerts uz karstām pēdām, pārskaitot uzņēmuma līdzekļus uz privātu "
               "kontu.",
               "Grāmatvedis tika pieķerts ar sarkanām rokām, pārskaitot uzņēmuma līdzekļus uz privātu "
               "kontu."),
        "id": ("Akuntan itu tertangkap basah saat memindahkan dana perusahaan ke rekening pribadi.",
               "Akuntan itu tertangkap bertangan merah saat memindahkan dana perusahaan ke rekening "
               "pribadi."),
        "de": ("Der Buchhalter wurde auf frischer Tat ertappt, als er Firmengelder auf ein Privatkonto "
               "überwies.",
               "Der Buchhalter wurde rothändig erwischt, als er Firmengelder auf ein Privatkonto "
               "überwies."),
        "fr": ("Le comptable a été pris la main dans le sac en transférant des fonds de l'entreprise sur "
               "un compte personnel.",
               "Le comptable a été attrapé les mains rouges en transférant des fonds de l'entreprise sur "
               "un compte personnel.")}),
]
