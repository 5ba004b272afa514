"""Demo content of the library in Turkish: themes, target groups, practices, home page and site settings.

Plain data only; ``practices.demo.loader`` turns it into database rows. Texts are written for this project and
describe a metropolitan municipality's Social Policy Office in Mersin (Hal Mahallesi, Akdeniz). Every e-mail
address uses a reserved ``.example`` domain so no real mailbox is ever written to.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ThemeData:
    slug: str
    name: str
    description: str


@dataclass(frozen=True)
class TargetGroupData:
    slug: str
    name: str
    life_stage_order: int


@dataclass(frozen=True)
class PracticeData:
    """One case study. Sections are lists of paragraphs; the loader wraps each in ``<p>``."""

    slug: str
    title: str
    summary: str
    introduction: str
    theme: str
    target_groups: tuple[str, ...]
    tags: tuple[str, ...]
    sdgs: tuple[int, ...]
    implementing_unit: str
    start_year: int
    status: str
    evidence_level: str
    location: str
    budget_band: str
    funding_sources: str
    staff_needed: str
    time_to_launch: str
    legal_basis: str
    beneficiaries: str
    beneficiaries_count: int
    reviewed_days_ago: int
    problem: tuple[str, ...]
    approach: tuple[str, ...]
    results: tuple[str, ...]
    lessons: tuple[str, ...]
    # (label, value, unit, year)
    metrics: tuple[tuple[str, float, str, int], ...]
    # (title, description, resources, duration)
    steps: tuple[tuple[str, str, str, str], ...]
    # (name, role, url)
    partners: tuple[tuple[str, str, str], ...]
    hero_alt: str
    gallery_alts: tuple[str, str]
    contact_unit: str
    contact_email: str
    featured: bool = False
    province: int = 33
    palette: tuple[str, ...] = field(default=("#0f5c6e", "#f2a541", "#f6e7cb", "#c8553d"))


OFFICE_EMAIL = "sosyalpolitika@mersin.bel.tr.example"
OFFICE_PHONE = "+90 324 000 00 00"
OFFICE_UNIT = "Sosyal Politikalar Ofisi"
LAW_5393_14 = "5393 sayılı Belediye Kanunu md. 14"
LAW_5216_7 = "5216 sayılı Büyükşehir Belediyesi Kanunu md. 7"

THEMES: tuple[ThemeData, ...] = (
    ThemeData(
        "saglik",
        "Sağlık",
        "Koruyucu sağlık, evde ve mahallede sağlık taraması, anne ve bebek sağlığı hizmetleri.",
    ),
    ThemeData(
        "egitim",
        "Eğitim",
        "Okul öncesinden meslek edindirmeye kadar fırsat eşitliğini güçlendiren eğitim destekleri.",
    ),
    ThemeData(
        "sosyal-hizmetler",
        "Sosyal Hizmetler",
        "Evde bakım, psikososyal destek ve vaka yönetimiyle kırılgan hanelerin yanında olan hizmetler.",
    ),
    ThemeData(
        "tarim",
        "Tarım",
        "Üretici kadınları, küçük çiftçiyi ve kırsal mahalleleri destekleyen tarım ve kooperatifçilik "
        "modelleri.",
    ),
    ThemeData(
        "kultur-ve-sanat",
        "Kültür ve Sanat",
        "Çocukların ve gençlerin kültür ve sanata erişimini mahalle ölçeğinde sağlayan atölye ve "
        "etkinlikler.",
    ),
    ThemeData(
        "engelli-hizmetleri",
        "Engelli Hizmetleri",
        "Erişilebilir ulaşım, spor, rehabilitasyon ve bağımsız yaşamı destekleyen hizmetler.",
    ),
    ThemeData(
        "kadin-ve-aile",
        "Kadın ve Aile",
        "Kadınların güçlenmesi, şiddetin önlenmesi, çocuk bakımı ve aile danışmanlığı hizmetleri.",
    ),
    ThemeData(
        "gida-guvencesi",
        "Gıda Güvencesi",
        "Onurlu, seçme hakkı tanıyan ve israfı azaltan gıda yardımı modelleri.",
    ),
)

TARGET_GROUPS: tuple[TargetGroupData, ...] = (
    TargetGroupData("bebekler", "Bebekler", 10),
    TargetGroupData("cocuklar", "Çocuklar", 20),
    TargetGroupData("gencler", "Gençler", 30),
    TargetGroupData("kadinlar", "Kadınlar", 40),
    TargetGroupData("aileler", "Aileler", 50),
    TargetGroupData("yetiskinler", "Yetişkinler", 60),
    TargetGroupData("yaslilar", "Yaşlılar", 70),
    TargetGroupData("engelli-bireyler", "Engelli Bireyler", 80),
    TargetGroupData("multeciler-gocmenler", "Mülteciler/Göçmenler", 90),
    TargetGroupData("dezavantajli-haneler", "Dezavantajlı Hane Halkları", 100),
)

PRACTICES: tuple[PracticeData, ...] = (
    PracticeData(
        slug="yeni-dogan-destek-paketi",
        title="Yeni Doğan Destek Paketi",
        summary=(
            "Kentte dünyaya gelen her bebeğin ailesine ilk haftalarda ev ziyareti, bebek bakım paketi ve "
            "emzirme danışmanlığı sunan; ihtiyaç görülen haneleri sosyal hizmetlere yönlendiren program."
        ),
        introduction="Hayatın ilk günlerinden başlayan yaşam boyu sosyal hizmet zincirinin ilk halkası.",
        theme="saglik",
        target_groups=("bebekler", "aileler", "kadinlar"),
        tags=("anne-bebek sağlığı", "ev ziyareti", "erken çocukluk", "koruyucu sağlık"),
        sdgs=(1, 3, 5),
        implementing_unit="Sosyal Politikalar Dairesi Başkanlığı – Sosyal Politikalar Ofisi",
        start_year=2020,
        status="running",
        evidence_level="replicated",
        location="Akdeniz, Mezitli, Toroslar ve Yenişehir ilçeleri",
        budget_band="medium",
        funding_sources="Belediye bütçesi; bebek bakım ürünleri için özel sektör bağışları",
        staff_needed="6 ebe/hemşire, 4 sosyal çalışmacı, 1 lojistik sorumlusu",
        time_to_launch="4 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}",
        beneficiaries="Kentte yeni doğum yapan aileler ve bebekleri",
        beneficiaries_count=11800,
        reviewed_days_ago=45,
        problem=(
            "Doğumdan sonraki ilk haftalar, hem anne hem bebek için sağlık ve bakım açısından en kırılgan "
            "dönemdir. "
            "Akdeniz ilçesinin eski mahallelerinde yapılan saha gözlemleri, genç ve ilk kez anne olan "
            "kadınların "
            "emzirme, uyku ve hijyen konularında doğru bilgiye ulaşamadığını gösterdi.",
            "Yoksul hanelerde bebek bezi, mama ve giysi gibi temel ihtiyaçlar aile bütçesini zorlarken, "
            "doğum "
            "sonrası depresyon ve ihmal riski çoğu zaman fark edilmeden kalıyordu. Sağlık kurumlarının ev "
            "ziyaretleri ise mahalle ölçeğindeki sosyal ihtiyaçları görmekte yetersiz kalıyordu.",
        ),
        approach=(
            "Aileler, hastanelerdeki bilgilendirme masaları ve e-Devlet üzerinden gönüllü olarak programa "
            "kaydolur. Doğumdan sonraki ilk 15 gün içinde bir ebe veya hemşire ile bir sosyal çalışmacıdan "
            "oluşan ekip evi ziyaret eder, bebek bakım paketini teslim eder ve emzirme danışmanlığı verir.",
            "Ziyarette standart bir hane ihtiyaç formu doldurulur. Barınma, gelir, şiddet riski veya "
            "engellilik "
            "gibi ek ihtiyaçlar tespit edilen aileler, vaka yönetimiyle ilgili birimlere ve kamu kurumlarına "
            "yönlendirilir; üçüncü ve altıncı aylarda telefonla izleme yapılır.",
            "Paketin içeriği her yıl anne görüşleri ve çocuk sağlığı uzmanlarının önerileriyle güncellenir; "
            "yerel üreticilerden alınan pamuklu ürünler tercih edilir.",
        ),
        results=(
            "Program beş yılda 11.800'den fazla aileye ulaştı. İzleme görüşmelerine katılan annelerin büyük "
            "çoğunluğu ilk altı ayda yalnızca anne sütüyle beslemeyi sürdürdüğünü bildirdi.",
            "Ev ziyaretlerinde tespit edilen 1.400'ü aşkın hane, ilk kez sosyal yardım, psikolojik destek "
            "veya "
            "kreş hizmetleriyle buluştu. Model, üç ilçe belediyesi tarafından kendi bütçeleriyle uyarlandı.",
        ),
        lessons=(
            "Ziyaret ekibinde sosyal çalışmacının bulunması, paketi bir yardımdan öte bir ilk temas "
            "noktasına "
            "dönüştürdü. Ancak ekip sayısı doğum sayısındaki artışla birlikte planlanmazsa ziyaretler "
            "gecikiyor.",
            "Kişisel veriler için açık rıza ve aydınlatma metni baştan hazırlanmalı; sağlık kurumlarıyla "
            "veri "
            "paylaşımı protokole bağlanmadan yönlendirme sistemi kurulmamalıdır.",
        ),
        metrics=(
            ("Ziyaret edilen aile", 11800, "aile", 2025),
            ("İlk 15 günde yapılan ziyaret oranı", 87, "%", 2025),
            ("Sosyal hizmetlere yönlendirilen hane", 1420, "hane", 2025),
            ("Paket başına maliyet", 2350, "TL", 2025),
        ),
        steps=(
            (
                "İhtiyaç ve doğum verisini inceleyin",
                "İlçe bazında yıllık doğum sayılarını ve yoksulluk haritasını çıkarın; öncelikli "
                "mahalleleri belirleyin.",
                "TÜİK doğum istatistikleri, sosyal yardım kayıtları",
                "1 ay",
            ),
            (
                "Sağlık kurumlarıyla protokol yapın",
                "İl Sağlık Müdürlüğü ve doğumhanelerle bilgilendirme masası ve gönüllü kayıt için protokol "
                "imzalayın.",
                "Hukuk müşavirliği, protokol taslağı",
                "1–2 ay",
            ),
            (
                "Paketi ve ziyaret protokolünü tasarlayın",
                "Paket içeriğini uzmanlarla belirleyin; ziyaret formu, açık rıza metni ve yönlendirme "
                "akışını yazın.",
                "Çocuk sağlığı uzmanı, sosyal çalışmacı, satın alma birimi",
                "1 ay",
            ),
            (
                "Ekipleri eğitin ve pilot başlatın",
                "Ebe/hemşire ve sosyal çalışmacı çiftlerini eğitin; tek ilçede üç aylık pilot uygulama "
                "yapın.",
                "Eğitim salonu, 2 araç, ziyaret tabletleri",
                "3 ay",
            ),
            (
                "İzleyin ve yaygınlaştırın",
                "3. ve 6. ay izleme görüşmelerinin sonuçlarını raporlayın; paketi ve ekip sayısını buna "
                "göre büyütün.",
                "Basit bir vaka takip tablosu veya yazılımı",
                "Sürekli",
            ),
        ),
        partners=(
            ("Mersin İl Sağlık Müdürlüğü", "Doğumhanelerde bilgilendirme ve yönlendirme", ""),
            ("Mersin Üniversitesi Hemşirelik Fakültesi", "Ziyaret ekiplerinin eğitimi", ""),
        ),
        hero_alt="Bebek bakım paketinin renkli kutusunu simgeleyen yumuşak turuncu ve mavi daireler.",
        gallery_alts=(
            "Ev ziyaretini simgeleyen, bir evin çatısı altında iç içe geçmiş renkli şekiller.",
            "Emzirme danışmanlığını anlatan, birbirine yaslanan iki yuvarlak biçimden oluşan soyut görsel.",
        ),
        contact_unit="Sosyal Politikalar Ofisi – Erken Çocukluk Birimi",
        contact_email=OFFICE_EMAIL,
        featured=True,
        palette=("#f6e7cb", "#f2a541", "#4f9da6", "#1d3557"),
    ),
    PracticeData(
        slug="yaslilara-mobil-saglik-taramasi",
        title="Yaşlılara Mobil Sağlık Taraması",
        summary=(
            "Sağlık kuruluşuna gitmekte zorlanan 65 yaş üstü kentlilere, mahalle mahalle dolaşan donanımlı "
            "bir "
            "araçla tansiyon, şeker, görme, işitme ve düşme riski taraması yapan koruyucu sağlık hizmeti."
        ),
        introduction="Yaşlı kentliler sağlık hizmetine değil, sağlık hizmeti yaşlı kentlilere gider.",
        theme="saglik",
        target_groups=("yaslilar", "engelli-bireyler"),
        tags=("koruyucu sağlık", "mobil hizmet", "yaşlı sağlığı", "kırsal mahalleler"),
        sdgs=(3, 10),
        implementing_unit="Sağlık İşleri Dairesi Başkanlığı ile Sosyal Politikalar Ofisi",
        start_year=2019,
        status="running",
        evidence_level="evaluated",
        location="Akdeniz ilçesi ve kırsal mahalleler",
        budget_band="medium",
        funding_sources="Belediye bütçesi; araç donanımı için kalkınma ajansı hibesi",
        staff_needed="1 hekim, 2 hemşire, 1 sosyal çalışmacı, 1 şoför",
        time_to_launch="6 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; 3359 sayılı Sağlık Hizmetleri Temel Kanunu",
        beneficiaries="65 yaş üstü, yalnız yaşayan veya hareket kısıtlılığı olan kentliler",
        beneficiaries_count=9300,
        reviewed_days_ago=430,
        problem=(
            "Kırsal mahallelerde ve merkezin eski semtlerinde yaşayan yaşlıların önemli bir kısmı, ulaşım "
            "güçlüğü ve yalnız yaşama nedeniyle düzenli sağlık kontrollerini aksatıyordu. Yüksek tansiyon ve "
            "diyabet gibi hastalıklar çoğu zaman komplikasyon geliştikten sonra fark ediliyordu.",
            "Düşmeler, görme ve işitme kayıpları ise yaşlıların evden çıkmasını daha da zorlaştırarak sosyal "
            "yalnızlığı derinleştiriyordu.",
        ),
        approach=(
            "Muayene odası, taşınabilir tarama cihazları ve engelli rampası bulunan bir araç, muhtarlıklarla "
            "birlikte hazırlanan takvime göre her mahalleye ayda en az bir kez gider. Ziyaret günü muhtarlık "
            "duyurusu ve telefon mesajıyla önceden bildirilir.",
            "Taramada anormal sonuç çıkan yaşlılar aile hekimine yazılı yönlendirme ile gönderilir; yalnız "
            "yaşayan veya bakıma muhtaç olduğu görülenler evde bakım ve sosyal destek birimlerine aktarılır.",
        ),
        results=(
            "Altı yılda 9.300'ü aşkın yaşlıya ulaşıldı; taranan her beş kişiden birinde daha önce bilinmeyen "
            "yüksek tansiyon veya kan şekeri yüksekliği saptandı.",
            "Üniversite ile yapılan değerlendirme, düzenli taramaya katılan yaşlılarda acil servis "
            "başvurularının "
            "azaldığını ve sosyal hizmetlere erişimin arttığını gösterdi.",
        ),
        lessons=(
            "Araç takvimi muhtarlarla birlikte yapılmadığında katılım belirgin biçimde düşüyor. Yazın sıcak "
            "saatlerde tarama yapılmamalı; gölgelik ve bekleme alanı planlanmalı.",
            "Sağlık verisi özel nitelikli kişisel veridir: tarama sonuçları yalnızca sağlık personelinin "
            "erişebildiği ayrı bir kayıtta tutulmalıdır.",
        ),
        metrics=(
            ("Taranan yaşlı", 9300, "kişi", 2025),
            ("Aile hekimine yönlendirilen", 1860, "kişi", 2025),
            ("Ziyaret edilen mahalle", 74, "mahalle", 2025),
            ("Ortalama aylık tarama", 155, "kişi/ay", 2025),
        ),
        steps=(
            (
                "Yaşlı nüfus haritasını çıkarın",
                "Adrese dayalı nüfus verisi ve muhtarlık bilgileriyle yalnız yaşayan yaşlıların yoğun "
                "olduğu mahalleleri belirleyin.",
                "Nüfus verisi, muhtarlık toplantıları",
                "1 ay",
            ),
            (
                "Aracı ve tarama paketini hazırlayın",
                "Engelli rampalı aracı donatın; tarama testlerini İl Sağlık Müdürlüğü ile birlikte seçin.",
                "Araç, tansiyon/şeker/görme/işitme cihazları",
                "3–4 ay",
            ),
            (
                "Yönlendirme protokolünü kurun",
                "Aile hekimleri ve sosyal hizmet birimleriyle yazılı yönlendirme formu ve geri bildirim "
                "yolu belirleyin.",
                "Protokol, yönlendirme formu",
                "1 ay",
            ),
            (
                "Mahalle takvimini duyurun",
                "Muhtarlarla aylık ziyaret takvimi yapın; duyuruları muhtarlık, cami ve SMS ile yapın.",
                "Duyuru materyalleri, SMS hizmeti",
                "2 hafta",
            ),
            (
                "Sonuçları izleyin",
                "Yönlendirilen kişilerin hekime ulaşıp ulaşmadığını üç ay sonra telefonla sorun ve "
                "raporlayın.",
                "Sosyal çalışmacı, takip tablosu",
                "Sürekli",
            ),
        ),
        partners=(
            ("Mersin İl Sağlık Müdürlüğü", "Tarama protokolü ve aile hekimi yönlendirmesi", ""),
            ("Çukurova Kalkınma Ajansı", "Araç donanımı hibesi", ""),
        ),
        hero_alt="Mahalle sokağında ilerleyen bir sağlık aracını simgeleyen mavi ve yeşil soyut şekiller.",
        gallery_alts=(
            "Tansiyon ölçümünü simgeleyen, dairesel bir göstergeyi andıran renkli görsel.",
            "Muhtarlık önünde bekleyen yaşlıları anlatan, yan yana dizilmiş yuvarlak biçimler.",
        ),
        contact_unit="Sosyal Politikalar Ofisi – Yaşlı Hizmetleri Birimi",
        contact_email="yasli.hizmetleri@mersin.bel.tr.example",
        featured=True,
        palette=("#e8f1f2", "#13315c", "#3fa7d6", "#59cd90"),
    ),
    PracticeData(
        slug="kadin-tarim-kooperatifi",
        title="Kadın Tarım Kooperatifi",
        summary=(
            "Kırsal mahallelerdeki kadın üreticilerin kooperatif çatısında örgütlenmesini; eğitim, ortak "
            "işleme tesisi ve kent içi satış noktalarıyla ürünlerini doğrudan tüketiciye ulaştırmasını "
            "sağlayan model."
        ),
        introduction="Kadın emeğini kayıt altına alan, tarladan sofraya kısa bir tedarik zinciri.",
        theme="tarim",
        target_groups=("kadinlar", "aileler", "dezavantajli-haneler"),
        tags=(
            "kooperatifçilik",
            "kadın istihdamı",
            "yerel üretim",
            "kırsal kalkınma",
            "kısa tedarik zinciri",
        ),
        sdgs=(2, 5, 8, 12),
        implementing_unit="Tarımsal Hizmetler Dairesi Başkanlığı ve Sosyal Politikalar Ofisi",
        start_year=2018,
        status="running",
        evidence_level="replicated",
        location="Tarsus, Silifke ve Toroslar kırsal mahalleleri; satış noktaları Akdeniz ve Yenişehir'de",
        budget_band="high",
        funding_sources=(
            "Belediye bütçesi, Tarım ve Orman Bakanlığı kırsal kalkınma destekleri, kooperatif gelirleri"
        ),
        staff_needed="2 ziraat mühendisi, 1 gıda mühendisi, 1 kooperatif danışmanı, 1 pazarlama uzmanı",
        time_to_launch="9–12 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; 1163 sayılı Kooperatifler Kanunu",
        beneficiaries="Kırsal mahallelerde yaşayan kadın üreticiler ve aileleri",
        beneficiaries_count=640,
        reviewed_days_ago=120,
        problem=(
            "Kırsal mahallelerde kadınlar tarımsal üretimin yükünü taşıdığı hâlde ürünün satışı ve gelir "
            "üzerinde söz sahibi değildi. Salça, tarhana ve kurutulmuş ürünler aracılar üzerinden çok düşük "
            "fiyatlarla satılıyordu.",
            "Kadınların sosyal güvencesi yoktu; gıda güvenliği belgeleri olmadan ürünlerin market ve kamu "
            "kurumlarına satılması mümkün değildi.",
        ),
        approach=(
            "Belediye, gönüllü kadın üreticilerle tanışma toplantıları yaparak kooperatifin kuruluşunu "
            "destekledi: ana sözleşme, muhasebe ve yönetim eğitimi verildi; kuruluş masrafları karşılandı.",
            "Ortak kullanılan, gıda işletme kayıt belgesine sahip bir işleme tesisi kuruldu. Ürünler kent "
            "içindeki "
            "üç satış noktasında, belediye kreşlerinde ve sosyal markette değerlendiriliyor.",
            "Ziraat mühendisleri iyi tarım uygulamaları, su tasarrufu ve tohum muhafazası konularında "
            "tarlada "
            "eğitim veriyor; kooperatif yönetimi her yıl bağımsız olarak seçiliyor.",
        ),
        results=(
            "Kooperatif 640 ortağa ulaştı; ortakların ortalama yıllık geliri aracılara satış dönemine göre "
            "iki "
            "katından fazla arttı ve 210 kadın ilk kez kendi adına sosyal güvenlik kaydı yaptırdı.",
            "Model, ziyarete gelen belediyelerden dördü tarafından uyarlandı; ikisi kendi kooperatiflerini "
            "kurdu.",
        ),
        lessons=(
            "Belediyenin kooperatifi yönetmeye kalkması sahiplenmeyi zayıflatır; destek, kuruluş ve ilk üç "
            "yılla "
            "sınırlı ve yazılı bir çıkış planıyla verilmelidir.",
            "Gıda güvenliği mevzuatına uyum en uzun süren adımdır; işleme tesisi planlanırken il "
            "müdürlüğüyle "
            "erkenden görüşülmelidir.",
        ),
        metrics=(
            ("Kooperatif ortağı kadın", 640, "kişi", 2025),
            ("Yıllık satış hasılatı", 18.5, "milyon TL", 2025),
            ("Sosyal güvenlik kaydı yapılan ortak", 210, "kişi", 2025),
            ("Uyarlayan belediye", 4, "belediye", 2025),
        ),
        steps=(
            (
                "Üretici kadınlarla tanışın",
                "Muhtarlar aracılığıyla mahalle toplantıları yapın; ürünleri, üretim kapasitesini ve "
                "beklentileri dinleyin.",
                "Toplantı yeri, ziraat mühendisi",
                "2 ay",
            ),
            (
                "Kooperatifin kuruluşunu destekleyin",
                "Ana sözleşme, tescil ve ilk yönetim eğitimini sağlayın; kuruluş masraflarını karşılayın.",
                "Kooperatif danışmanı, mali müşavir",
                "2–3 ay",
            ),
            (
                "İşleme tesisini kurun",
                "Gıda işletme kayıt belgesine uygun ortak bir mutfak/işleme alanı kurun ve hijyen eğitimi "
                "verin.",
                "Bina, ekipman, gıda mühendisi",
                "4–6 ay",
            ),
            (
                "Satış kanallarını açın",
                "Kent içi satış noktaları, belediye kreşleri ve sosyal market için tedarik sözleşmeleri "
                "yapın.",
                "Satış standı, pazarlama uzmanı",
                "2 ay",
            ),
            (
                "Destekten çekilme planını uygulayın",
                "Üç yıl içinde belediye desteğini azaltın; kooperatifin kendi gelirleriyle ayakta durmasını "
                "izleyin.",
                "Yıllık mali rapor",
                "3 yıl",
            ),
        ),
        partners=(
            ("Mersin İl Tarım ve Orman Müdürlüğü", "Teknik eğitim ve kırsal kalkınma destekleri", ""),
            ("Kadın üretici kooperatifi", "Üretim, işleme ve satış", ""),
            ("Mersin Ticaret Borsası", "Pazarlama ve fiyat bilgisi", ""),
        ),
        hero_alt="Tarlaları ve güneşi simgeleyen yeşil, sarı ve toprak renkli yatay şeritler.",
        gallery_alts=(
            "Kurutulmuş ürünleri simgeleyen kırmızı ve turuncu tonlarda dairesel biçimler.",
            "Satış tezgâhını anlatan, düzenli sıralanmış renkli kareler.",
        ),
        contact_unit="Sosyal Politikalar Ofisi – Kadın ve Kırsal Kalkınma Birimi",
        contact_email="kirsal.kalkinma@mersin.bel.tr.example",
        featured=True,
        palette=("#fefae0", "#606c38", "#dda15e", "#bc6c25"),
    ),
    PracticeData(
        slug="engelsiz-ulasim-hizmeti",
        title="Engelsiz Ulaşım Hizmeti",
        summary=(
            "Tekerlekli sandalye kullanan ve ileri derecede hareket kısıtlılığı olan kentlilere, randevuyla "
            "çalışan asansörlü araçlarla hastane, okul, iş ve sosyal etkinliklere ücretsiz kapıdan kapıya "
            "ulaşım."
        ),
        introduction="Şehirde dolaşmak bir ayrıcalık değil, herkesin hakkıdır.",
        theme="engelli-hizmetleri",
        target_groups=("engelli-bireyler", "yaslilar"),
        tags=("erişilebilirlik", "ulaşım", "bağımsız yaşam", "mobil hizmet"),
        sdgs=(10, 11),
        implementing_unit="Ulaşım Dairesi Başkanlığı ile Engelli Hizmetleri Şube Müdürlüğü",
        start_year=2017,
        status="running",
        evidence_level="replicated",
        location="Mersin merkez ilçeleri (Akdeniz, Mezitli, Toroslar, Yenişehir)",
        budget_band="high",
        funding_sources="Belediye bütçesi; araç alımında Aile ve Sosyal Hizmetler Bakanlığı projesi",
        staff_needed="8 şoför, 8 refakatçi, 2 çağrı merkezi personeli, 1 koordinatör",
        time_to_launch="6 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; 5378 sayılı Engelliler Hakkında Kanun md. 7",
        beneficiaries="Tekerlekli sandalye kullanan ve hareket kısıtlılığı olan kentliler",
        beneficiaries_count=3400,
        reviewed_days_ago=200,
        problem=(
            "Toplu taşıma araçlarının ve durakların önemli bölümü tekerlekli sandalye kullanıcılarına uygun "
            "değildi. Engelli bireyler tedavi, eğitim ve iş için dışarı çıkabilmek adına yüksek taksi "
            "ücretleri "
            "ödüyor ya da evden çıkamıyordu.",
            "Bu durum engelli bireylerin sosyal hayata katılımını sınırlıyor, bakım veren aile üyelerinin de "
            "çalışma hayatından kopmasına yol açıyordu.",
        ),
        approach=(
            "Hidrolik asansörlü ve sabitleme sistemli sekiz araç, çağrı merkezi üzerinden en az bir gün "
            "önceden "
            "alınan randevularla çalışır. Hastane ve rehabilitasyon randevuları önceliklidir.",
            "Her araçta engelli bireylerle iletişim ve ilk yardım eğitimi almış bir refakatçi bulunur. "
            "Düzenli "
            "tedavi görenler için haftalık sabit seferler tanımlanır.",
        ),
        results=(
            "Hizmet 3.400 kayıtlı kullanıcıya ulaştı ve yılda 60.000'i aşkın yolculuk gerçekleştirildi. "
            "Kullanıcı anketlerinde memnuniyet oranı yüzde 90'ın üzerinde çıktı.",
            "Model, Mersin'i ziyaret eden belediyelerden üçü tarafından uyarlandı.",
        ),
        lessons=(
            "Talep hızla arttığı için randevu kuralları ve öncelik sırası baştan yazılı olmalı; aksi hâlde "
            "adaletsizlik algısı oluşuyor.",
            "Araç bakım planı aksadığında hizmet doğrudan kesiliyor; en az bir yedek araç bulundurulmalı.",
        ),
        metrics=(
            ("Kayıtlı kullanıcı", 3400, "kişi", 2025),
            ("Yıllık yolculuk", 61200, "yolculuk", 2025),
            ("Kullanıcı memnuniyeti", 92, "%", 2025),
            ("Araç sayısı", 8, "araç", 2025),
        ),
        steps=(
            (
                "Talebi ölçün",
                "Engelli kayıtları ve derneklerle görüşerek düzenli ulaşım ihtiyacı olan kişi sayısını "
                "çıkarın.",
                "Engelli veri tabanı, dernek görüşmeleri",
                "1 ay",
            ),
            (
                "Araçları temin edin",
                "Asansörlü, sabitleme sistemli araçları satın alın veya kiralayın; bir yedek araç planlayın.",
                "Araç bütçesi, teknik şartname",
                "3–4 ay",
            ),
            (
                "Çağrı merkezini ve randevu kurallarını kurun",
                "Randevu, iptal ve öncelik kurallarını yazın; çağrı merkezi personelini eğitin.",
                "Telefon hattı, randevu yazılımı",
                "1 ay",
            ),
            (
                "Şoför ve refakatçileri eğitin",
                "Engelli bireylerle iletişim, sabitleme ve ilk yardım eğitimlerini tamamlayın.",
                "Eğitmen, ilk yardım sertifika programı",
                "2 hafta",
            ),
        ),
        partners=(
            ("Mersin Bedensel Engelliler Derneği", "Kullanıcı geri bildirimi ve öncelik kuralları", ""),
            ("Aile ve Sosyal Hizmetler İl Müdürlüğü", "Araç alım projesi", ""),
        ),
        hero_alt="Yol boyunca ilerleyen, mor ve turkuaz tonlarında erişilebilir araç simgesi.",
        gallery_alts=(
            "Araç asansörünü simgeleyen dikey ve yatay renkli çizgiler.",
            "Şehir haritasını anlatan, noktalarla birbirine bağlanan renkli güzergâhlar.",
        ),
        contact_unit="Engelli Hizmetleri Şube Müdürlüğü",
        contact_email="engelsiz@mersin.bel.tr.example",
        palette=("#f1e9ff", "#5e3c99", "#2ec4b6", "#ffbf69"),
    ),
    PracticeData(
        slug="dezavantajli-mahallede-cocuk-sanat-atolyeleri",
        title="Dezavantajlı Mahallede Çocuk Sanat Atölyeleri",
        summary=(
            "Hal Mahallesi ve çevresindeki 7–14 yaş çocuklarına okul sonrası ve hafta sonu ücretsiz resim, "
            "müzik, drama ve seramik atölyeleri; yılda iki kez çocukların eserleriyle mahalle sergisi."
        ),
        introduction="Sanat, çocuğun mahallesinin sınırlarını aşmasının en kısa yolu.",
        theme="kultur-ve-sanat",
        target_groups=("cocuklar", "dezavantajli-haneler", "multeciler-gocmenler"),
        tags=("sanat eğitimi", "çocuk hakları", "mahalle ölçeği", "sosyal uyum"),
        sdgs=(4, 10, 11),
        implementing_unit="Kültür ve Sosyal İşler Dairesi Başkanlığı ile Sosyal Politikalar Ofisi",
        start_year=2021,
        status="running",
        evidence_level="replicated",
        location="Akdeniz ilçesi, Hal Mahallesi ve çevresi",
        budget_band="low",
        funding_sources="Belediye bütçesi; malzeme için sivil toplum ve üniversite katkıları",
        staff_needed="4 sanat eğitmeni, 1 psikolojik danışman, gönüllü üniversite öğrencileri",
        time_to_launch="3 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}",
        beneficiaries="Dezavantajlı mahallelerde yaşayan 7–14 yaş çocuklar",
        beneficiaries_count=1250,
        reviewed_days_ago=60,
        problem=(
            "Hal Mahallesi ve çevresinde çocukların büyük kısmı okul dışındaki zamanını sokakta geçiriyordu. "
            "Mahallede kütüphane, sanat atölyesi ya da güvenli oyun alanı yoktu; ailelerin kurslara ücret "
            "ödeyecek gücü bulunmuyordu.",
            "Göç etmiş ailelerin çocukları dil engeli nedeniyle okul ve mahalle hayatına katılmakta "
            "zorlanıyor, akranlarıyla arasındaki mesafe büyüyordu.",
        ),
        approach=(
            "Belediyeye ait kullanılmayan bir depo, çocukların da fikir verdiği bir tasarımla sanat evine "
            "dönüştürüldü. Atölyeler okul sonrası ve hafta sonları, yaş gruplarına göre en fazla 15 çocukla "
            "yapılır.",
            "Resim, ritim ve müzik, yaratıcı drama ve seramik atölyeleri dönüşümlü olarak sunulur. Drama "
            "atölyeleri Türkçe ve Arapça konuşan çocukları bir araya getirecek şekilde kurgulanır.",
            "Yılda iki kez çocukların eserleri mahalle meydanında sergilenir; aileler ve komşular davet "
            "edilir.",
        ),
        results=(
            "Dört yılda 1.250 çocuk en az bir dönem atölyelere katıldı; düzenli katılım oranı yüzde 70'in "
            "üzerinde kaldı.",
            "Öğretmen görüşmeleri, atölyelere katılan çocuklarda okula devam ve sınıf içi katılımın "
            "arttığını "
            "gösterdi. Model, ziyaret eden belediyelerden ikisinde kültür merkezlerine uyarlandı.",
        ),
        lessons=(
            "Atölyelerin çocukların yürüyerek ulaşabileceği mesafede olması katılımı belirleyen en önemli "
            "etken.",
            "Çocuk koruma politikası, eğitmenler ve gönüllüler için başlamadan önce yazılmalı ve "
            "imzalatılmalı.",
        ),
        metrics=(
            ("Katılan çocuk", 1250, "çocuk", 2025),
            ("Düzenli katılım oranı", 72, "%", 2025),
            ("Yıllık atölye oturumu", 480, "oturum", 2025),
        ),
        steps=(
            (
                "Mekânı bulun",
                "Mahallede çocukların yürüyerek ulaşabileceği, güvenli ve ışık alan bir belediye mekânı "
                "seçin.",
                "Belediye taşınmaz envanteri",
                "1 ay",
            ),
            (
                "Çocuklarla birlikte tasarlayın",
                "Mekânın düzenini ve atölye konularını çocuk meclisi toplantılarıyla belirleyin.",
                "Kolaylaştırıcı, çizim malzemesi",
                "2 hafta",
            ),
            (
                "Eğitmen ve gönüllüleri seçin",
                "Sanat eğitmenleri ve üniversite gönüllüleriyle çalışın; çocuk koruma politikasını "
                "imzalatın.",
                "4 eğitmen, gönüllü protokolü",
                "1 ay",
            ),
            (
                "Atölye programını başlatın",
                "Yaş gruplarına göre dönemlik program yapın; en fazla 15 çocukluk gruplarla başlayın.",
                "Sanat malzemeleri, seramik fırını",
                "Dönemlik",
            ),
            (
                "Mahalle sergisi düzenleyin",
                "Dönem sonunda çocukların eserlerini mahalle meydanında ailelerle birlikte sergileyin.",
                "Sergi panoları, ses sistemi",
                "1 hafta",
            ),
        ),
        partners=(
            ("Mersin Üniversitesi Güzel Sanatlar Fakültesi", "Gönüllü öğrenci eğitmenler", ""),
            ("Hal Mahallesi Muhtarlığı", "Ailelere ulaşma ve duyuru", ""),
        ),
        hero_alt="Çocuk resimlerini andıran, rengârenk fırça darbesi biçiminde daireler ve üçgenler.",
        gallery_alts=(
            "Seramik atölyesini simgeleyen toprak renkli, yuvarlak çanak biçimleri.",
            "Mahalle sergisini anlatan, duvarda asılı renkli çerçeveler.",
        ),
        contact_unit="Sosyal Politikalar Ofisi – Çocuk ve Gençlik Birimi",
        contact_email="cocuk.genclik@mersin.bel.tr.example",
        palette=("#fff1e6", "#ef476f", "#ffd166", "#06d6a0"),
    ),
    PracticeData(
        slug="sosyal-market",
        title="Sosyal Market",
        summary=(
            "İhtiyaç sahibi hanelerin, yüklenen puanla market rafından kendi seçtikleri gıda ve temizlik "
            "ürünlerini onurlu bir alışveriş deneyimiyle aldığı, bağışlarla da beslenen belediye marketi."
        ),
        introduction="Koli yerine seçme hakkı: aileler ne ihtiyaç duyduklarını en iyi kendileri bilir.",
        theme="gida-guvencesi",
        target_groups=("dezavantajli-haneler", "aileler", "multeciler-gocmenler"),
        tags=("gıda yardımı", "onurlu yardım", "bağış", "israfın önlenmesi"),
        sdgs=(1, 2, 12),
        implementing_unit="Sosyal Hizmetler Dairesi Başkanlığı",
        start_year=2019,
        status="running",
        evidence_level="evaluated",
        location="Akdeniz ilçesi, Hal Mahallesi",
        budget_band="medium",
        funding_sources="Belediye bütçesi, bireysel ve kurumsal bağışlar, üretici ve market fazlası ürünler",
        staff_needed="3 market personeli, 2 sosyal çalışmacı, 1 depo sorumlusu",
        time_to_launch="4 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; 5393 sayılı Belediye Kanunu md. 60 (yardımlar)",
        beneficiaries="Sosyal inceleme ile belirlenen yoksul haneler",
        beneficiaries_count=5200,
        reviewed_days_ago=330,
        problem=(
            "Koli ile yapılan gıda yardımları ailelerin gerçek ihtiyaçlarını karşılamıyor; bebek maması veya "
            "diyet ürünü gereken haneler işlerine yaramayan ürünler alıyordu. Kuyrukta koli beklemek ise "
            "aileler için utandırıcıydı.",
            "Öte yandan üreticiler ve marketler son kullanma tarihi yaklaşan ürünleri imha ediyordu.",
        ),
        approach=(
            "Sosyal inceleme sonrası hak sahibi olan hanelere, hane büyüklüğüne göre aylık puan tanımlanır. "
            "Aileler markette istedikleri zaman, sıradan bir market gibi düzenlenmiş raflardan ürün seçer.",
            "Bağışçılar markete doğrudan ürün verebilir veya çevrim içi olarak askıda puan bağışlayabilir. "
            "Son kullanma tarihi yaklaşan ürünler anlaşmalı marketlerden toplanarak israf önlenir.",
        ),
        results=(
            "Market 5.200 haneye hizmet verdi; ailelerin yüzde 85'i koli yardımına göre daha az "
            "utandıklarını ve ihtiyaçlarına uygun ürün aldıklarını belirtti.",
            "Bağışların toplam ürün hacmine katkısı üçüncü yılda yüzde 40'a ulaştı.",
        ),
        lessons=(
            "Puan sisteminin kuralları basit ve şeffaf olmalı; aylık puan kullanılmadığında ne olacağı "
            "açıkça yazılmalı.",
            "Marketin konumu hak sahiplerine yakın ama dikkat çekmeyecek biçimde seçilmeli; tabela "
            '"sosyal market" yerine mahalle marketi izlenimi vermeli.',
        ),
        metrics=(
            ("Hizmet verilen hane", 5200, "hane", 2025),
            ("Bağışların ürün hacmindeki payı", 40, "%", 2025),
            ("Kurtarılan gıda", 86, "ton", 2025),
            ("Memnuniyet oranı", 85, "%", 2025),
        ),
        steps=(
            (
                "Hak sahipliği kurallarını yazın",
                "Sosyal inceleme ölçütlerini ve hane büyüklüğüne göre puan tablosunu meclis kararına "
                "bağlayın.",
                "Meclis kararı, sosyal inceleme formu",
                "1–2 ay",
            ),
            (
                "Mekânı market gibi düzenleyin",
                "Raf, kasa ve soğuk dolap ile sıradan bir market düzeni kurun; girişte mahremiyeti koruyun.",
                "Mekân, raf ve kasa sistemi",
                "2 ay",
            ),
            (
                "Puan kartı altyapısını kurun",
                "Hanelere kart tanımlayan, puan yükleyen ve harcamaları raporlayan basit bir sistem kurun.",
                "Kart/QR sistemi, yazılım",
                "1–2 ay",
            ),
            (
                "Bağış ve gıda kurtarma ağını kurun",
                "Marketler ve üreticilerle son kullanma tarihi yaklaşan ürünler için toplama sözleşmeleri "
                "yapın.",
                "Soğuk zincirli araç, protokoller",
                "Sürekli",
            ),
        ),
        partners=(
            ("Yerel zincir marketler", "Fazla ürün bağışı", ""),
            ("Mersin Gıda Bankası Derneği", "Bağış koordinasyonu", ""),
        ),
        hero_alt="Market raflarını simgeleyen, yatay dizilmiş yeşil ve turuncu kutular.",
        gallery_alts=(
            "Alışveriş sepetini anlatan yuvarlak ve kare biçimlerden oluşan soyut görsel.",
            "Bağış puanını simgeleyen, kalp biçimine benzeyen kırmızı şekiller.",
        ),
        contact_unit="Sosyal Hizmetler Dairesi – Sosyal Market",
        contact_email="sosyalmarket@mersin.bel.tr.example",
        palette=("#f4f1de", "#e07a5f", "#3d405b", "#81b29a"),
    ),
    PracticeData(
        slug="evde-bakim-hizmeti",
        title="Evde Bakım Hizmeti",
        summary=(
            "Yatağa bağımlı yaşlı ve engelli kentlilere evlerinde kişisel bakım, temizlik, berber-kuaför ve "
            "fizyoterapi desteği veren; bakım veren aile üyelerine de eğitim ve mola sağlayan gezici ekipler."
        ),
        introduction="Bakıma muhtaç kişinin kendi evinde, kendi mahallesinde onurla yaşamasını destekler.",
        theme="sosyal-hizmetler",
        target_groups=("yaslilar", "engelli-bireyler", "aileler"),
        tags=("evde bakım", "yaşlı bakımı", "bakım veren desteği", "mobil hizmet"),
        sdgs=(3, 10),
        implementing_unit="Sosyal Hizmetler Dairesi Başkanlığı – Evde Bakım Şube Müdürlüğü",
        start_year=2016,
        status="running",
        evidence_level="implemented",
        location="Mersin'in 13 ilçesi",
        budget_band="very_high",
        funding_sources="Belediye bütçesi",
        staff_needed=(
            "12 bakım ekibi (her ekipte 1 bakım ve 1 temizlik personeli), 3 fizyoterapist, 2 sosyal çalışmacı"
        ),
        time_to_launch="6 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; 2828 sayılı Sosyal Hizmetler Kanunu",
        beneficiaries="Yatağa bağımlı yaşlı ve engelli bireyler ile bakım veren aile üyeleri",
        beneficiaries_count=2700,
        reviewed_days_ago=520,
        problem=(
            "Kentte yalnız yaşayan veya yatağa bağımlı yaşlı sayısı her yıl artıyor. Bakım yükü çoğunlukla "
            "kadın aile üyelerinin omzunda kalıyor; bakım verenler tükenmişlik yaşıyor ve çalışma "
            "hayatından kopuyor.",
            "Kurum bakımı ise hem pahalı hem de yaşlıların büyük kısmının tercih etmediği bir seçenek.",
        ),
        approach=(
            "Başvurular çağrı merkezi ve muhtarlıklar üzerinden alınır; sosyal çalışmacı ev ziyaretiyle "
            "bakım "
            "ihtiyacını standart bir ölçekle değerlendirir ve kişiye özel bir bakım planı hazırlanır.",
            "Ekipler plana göre haftada bir ile üç arasında ziyaret yapar: kişisel bakım, ev temizliği, "
            "berber-kuaför ve gerektiğinde fizyoterapi. Bakım veren aile üyelerine hasta bakımı eğitimi "
            "verilir.",
        ),
        results=(
            "Hizmet 2.700 kişiye ulaştı. Bakım veren aile üyelerinin çoğu, haftalık ziyaretler sayesinde "
            "kendilerine zaman ayırabildiklerini bildirdi.",
            "Düzenli ziyaret edilen yatağa bağımlı kişilerde bası yarası vakaları belirgin biçimde azaldı.",
        ),
        lessons=(
            "Bekleme listesi hızla büyüyor; öncelik ölçütleri (yalnız yaşama, bakım veren olmaması) açık "
            "olmalı.",
            "Ekip personelinin iş yükü ağır; rotasyon ve psikososyal destek planlanmazsa personel devri "
            "artıyor.",
        ),
        metrics=(
            ("Hizmet alan kişi", 2700, "kişi", 2025),
            ("Yıllık ev ziyareti", 48500, "ziyaret", 2025),
            ("Bekleme süresi (ortalama)", 21, "gün", 2025),
            ("Eğitim alan bakım veren", 830, "kişi", 2025),
        ),
        steps=(
            (
                "Değerlendirme ölçeğini seçin",
                "Bakım ihtiyacını ölçen standart bir form ve öncelik ölçütleri belirleyin.",
                "Sosyal çalışmacı, ölçek",
                "1 ay",
            ),
            (
                "Ekipleri kurun ve eğitin",
                "Bakım, temizlik ve fizyoterapi personelini istihdam edin; hasta bakımı ve iletişim eğitimi "
                "verin.",
                "Personel, eğitim programı",
                "2–3 ay",
            ),
            (
                "Araç ve malzemeyi temin edin",
                "Her ekip için araç, kişisel bakım ve temizlik malzemesi, hasta yatağı ödünç stoku "
                "oluşturun.",
                "Araçlar, malzeme bütçesi",
                "2 ay",
            ),
            (
                "Rota planlaması yapın",
                "Ziyaretleri mahalle bazında gruplayan haftalık rota planı hazırlayın.",
                "Rota planlama tablosu",
                "2 hafta",
            ),
            (
                "Bakım verenleri destekleyin",
                "Aile üyelerine eğitim ve akran destek grupları düzenleyin.",
                "Eğitim salonu, psikolog",
                "Sürekli",
            ),
        ),
        partners=(
            ("Aile ve Sosyal Hizmetler İl Müdürlüğü", "Vaka yönlendirme ve evde bakım maaşı bilgisi", ""),
        ),
        hero_alt="Bir evin penceresinden yayılan sıcak ışığı simgeleyen sarı ve lacivert şekiller.",
        gallery_alts=(
            "Bakım ekibini simgeleyen, el ele tutuşan iki renkli yuvarlak biçim.",
            "Haftalık ziyaret takvimini anlatan renkli ızgara.",
        ),
        contact_unit="Evde Bakım Şube Müdürlüğü",
        contact_email="evdebakim@mersin.bel.tr.example",
        palette=("#fdf0d5", "#003049", "#f77f00", "#fcbf49"),
    ),
    PracticeData(
        slug="genclik-kariyer-merkezi",
        title="Gençlik Kariyer Merkezi",
        summary=(
            "15–29 yaş gençlere kariyer danışmanlığı, kodlama ve dijital beceri kursları, staj ve iş "
            "eşleştirmesi "
            "sunan; ne eğitimde ne istihdamda olan gençleri mahallede bulup merkeze kazandıran program."
        ),
        introduction="Gençlerin iş hayatına geçişini mahalleden başlayarak destekler.",
        theme="egitim",
        target_groups=("gencler", "multeciler-gocmenler"),
        tags=("gençlik", "istihdam", "dijital beceriler", "kariyer danışmanlığı"),
        sdgs=(4, 8, 10),
        implementing_unit="Sosyal Politikalar Ofisi – Gençlik Birimi",
        start_year=2022,
        status="running",
        evidence_level="implemented",
        location="Akdeniz ve Yenişehir ilçeleri",
        budget_band="medium",
        funding_sources=(
            "Belediye bütçesi; AB destekli gençlik istihdamı projesi; özel sektör staj kontenjanları"
        ),
        staff_needed="3 kariyer danışmanı, 4 eğitmen, 2 saha çalışanı",
        time_to_launch="5 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}",
        beneficiaries="Ne eğitimde ne istihdamda olan 15–29 yaş gençler",
        beneficiaries_count=2100,
        reviewed_days_ago=90,
        problem=(
            "Kentte her dört gençten biri ne eğitimde ne istihdamda. Bu gençlerin çoğu mevcut kariyer "
            "hizmetlerinden habersiz; özellikle genç kadınlar ve göçmen gençler hizmetlere hiç ulaşamıyor.",
            "İşverenler ise temel dijital beceri ve iş hayatı deneyimi eksikliğinden yakınıyor.",
        ),
        approach=(
            "Saha çalışanları gençleri parklarda, internet kafelerde ve spor sahalarında bulur; merkezde "
            "birebir kariyer görüşmesiyle kişisel bir gelişim planı hazırlanır.",
            "Merkezde kodlama, grafik tasarım, ofis programları ve iletişim becerileri kursları verilir. "
            "Kursu tamamlayan gençler yerel işletmelerde ücretli staja yerleştirilir.",
        ),
        results=(
            "Üç yılda 2.100 gence ulaşıldı; kurs tamamlayanların yüzde 46'sı altı ay içinde işe veya "
            "eğitime döndü.",
            "Katılımcıların yüzde 44'ü genç kadınlardan oluştu.",
        ),
        lessons=(
            "Gençlerle gençlerin dilinde iletişim kurmak için saha çalışanlarının yaşça gençlere yakın "
            "olması işe yarıyor.",
            "Staj kontenjanları işverenlerle yıllık protokollere bağlanmazsa ekonomik dalgalanmalarda hızla "
            "azalıyor.",
        ),
        metrics=(
            ("Ulaşılan genç", 2100, "kişi", 2025),
            ("İşe veya eğitime dönüş oranı", 46, "%", 2025),
            ("Ücretli staj", 380, "staj", 2025),
        ),
        steps=(
            (
                "Gençlerin ihtiyacını dinleyin",
                "Odak grup görüşmeleriyle gençlerin beklentilerini ve engellerini öğrenin.",
                "Kolaylaştırıcı, görüşme rehberi",
                "1 ay",
            ),
            (
                "Merkezi kurun",
                "Ulaşımı kolay, gençlerin rahat hissedeceği bir mekânı bilgisayar laboratuvarıyla donatın.",
                "Mekân, 20 bilgisayar",
                "2–3 ay",
            ),
            (
                "İşverenlerle staj protokolü yapın",
                "Ticaret ve sanayi odalarıyla yıllık ücretli staj kontenjanı belirleyin.",
                "Protokol, işveren listesi",
                "2 ay",
            ),
            (
                "Saha çalışmasını başlatın",
                "Saha çalışanlarıyla gençlerin vakit geçirdiği yerlerde tanıtım yapın.",
                "2 saha çalışanı, tanıtım materyali",
                "Sürekli",
            ),
        ),
        partners=(
            ("Mersin Ticaret ve Sanayi Odası", "Staj kontenjanları", ""),
            ("İŞKUR Mersin İl Müdürlüğü", "İş eşleştirme", ""),
        ),
        hero_alt="Yukarı doğru yükselen basamakları simgeleyen canlı mavi ve sarı çubuklar.",
        gallery_alts=(
            "Kodlama kursunu simgeleyen, ekran biçiminde dikdörtgenler.",
            "Kariyer yolunu anlatan, kıvrılarak ilerleyen renkli bir çizgi.",
        ),
        contact_unit="Sosyal Politikalar Ofisi – Gençlik Birimi",
        contact_email="genclik@mersin.bel.tr.example",
        palette=("#edf6f9", "#006d77", "#83c5be", "#e29578"),
    ),
    PracticeData(
        slug="engelli-spor-okulu",
        title="Engelli Spor Okulu",
        summary=(
            "Engelli çocuk ve gençlere yüzme, atletizm, masa tenisi ve tekerlekli sandalye basketbolunda "
            "uzman antrenörlerle ücretsiz spor eğitimi; ulaşım desteği ve ailelere danışmanlık sunan okul."
        ),
        introduction="Spor, engelli çocukların hem bedenine hem özgüvenine iyi gelir.",
        theme="engelli-hizmetleri",
        target_groups=("engelli-bireyler", "cocuklar", "gencler"),
        tags=("engelli sporu", "erişilebilirlik", "çocuk gelişimi", "sosyal katılım"),
        sdgs=(3, 4, 10),
        implementing_unit="Gençlik ve Spor Hizmetleri Dairesi ile Engelli Hizmetleri Şube Müdürlüğü",
        start_year=2018,
        status="running",
        evidence_level="replicated",
        location="Mersin merkez, belediye spor tesisleri",
        budget_band="medium",
        funding_sources="Belediye bütçesi; spor federasyonları ve sponsor katkıları",
        staff_needed="8 antrenör, 2 fizyoterapist, 1 psikolog",
        time_to_launch="4 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; 5378 sayılı Engelliler Hakkında Kanun md. 15",
        beneficiaries="6–24 yaş engelli çocuk ve gençler ile aileleri",
        beneficiaries_count=860,
        reviewed_days_ago=150,
        problem=(
            "Engelli çocukların spor tesislerine erişimi sınırlıydı: tesisler fiziksel olarak erişilebilir "
            "değildi ve antrenörler engelli sporu konusunda eğitimli değildi.",
            "Aileler çocuklarını kulüplere götürecek zaman ve ulaşım imkânı bulamıyordu.",
        ),
        approach=(
            "Belediye spor tesisleri erişilebilir hâle getirildi; antrenörler engelli sporu sertifika "
            "programlarından geçirildi. Eğitimler engel türüne ve yaşa göre küçük gruplarla yapılır.",
            "Engelsiz Ulaşım Hizmeti araçları antrenman saatlerinde öğrencileri evlerinden alır. Ailelere "
            "psikolog eşliğinde grup görüşmeleri düzenlenir.",
        ),
        results=(
            "Okul 860 çocuk ve gence ulaştı; öğrencilerden 37'si ulusal şampiyonalarda derece aldı.",
            "Model, Mersin'e çalışma ziyareti yapan dört belediye tarafından uyarlandı.",
        ),
        lessons=(
            "Ulaşım desteği olmadan katılım yarıya düşüyor; okul, ulaşım hizmetiyle birlikte planlanmalı.",
            "Başarılı sporcuların federasyon kulüplerine geçişi için yol haritası baştan konuşulmalı.",
        ),
        metrics=(
            ("Öğrenci", 860, "kişi", 2025),
            ("Ulusal derece", 37, "derece", 2025),
            ("Uyarlayan belediye", 4, "belediye", 2025),
        ),
        steps=(
            (
                "Tesisleri erişilebilir kılın",
                "Rampa, asansör, soyunma odası ve tuvaletleri erişilebilirlik standartlarına göre "
                "düzenleyin.",
                "Erişilebilirlik denetimi, yapı işleri",
                "2–3 ay",
            ),
            (
                "Antrenörleri eğitin",
                "Antrenörleri Türkiye Bedensel Engelliler Spor Federasyonu programlarına gönderin.",
                "Sertifika programı",
                "1–2 ay",
            ),
            (
                "Ulaşımı planlayın",
                "Antrenman saatlerini erişilebilir ulaşım hizmetinin rotalarıyla birlikte planlayın.",
                "Asansörlü araçlar",
                "1 ay",
            ),
            (
                "Aileleri sürece katın",
                "Ailelerle tanışma toplantısı yapın; psikolog eşliğinde aylık grup görüşmeleri başlatın.",
                "Psikolog, toplantı salonu",
                "Sürekli",
            ),
        ),
        partners=(
            ("Türkiye Bedensel Engelliler Spor Federasyonu", "Antrenör eğitimi ve lisanslar", ""),
            ("Mersin Gençlik ve Spor İl Müdürlüğü", "Tesis paylaşımı", ""),
        ),
        hero_alt="Hareket hâlindeki bir topu ve pisti simgeleyen kırmızı ve lacivert kavisli şekiller.",
        gallery_alts=(
            "Yüzme havuzunu anlatan dalgalı mavi şeritler.",
            "Tekerlekli sandalye basketbolunu simgeleyen iç içe daireler.",
        ),
        contact_unit="Engelli Hizmetleri Şube Müdürlüğü – Spor Okulu",
        contact_email="engellisporokulu@mersin.bel.tr.example",
        palette=("#f8f9fa", "#d62828", "#003049", "#eae2b7"),
    ),
    PracticeData(
        slug="kadin-danisma-merkezi",
        title="Kadın Danışma Merkezi",
        summary=(
            "Kadınlara hukuki, psikolojik ve ekonomik danışmanlık veren; şiddete uğrayan kadınları kamu "
            "kurumlarıyla iş birliği içinde koruma mekanizmalarına yönlendiren ve meslek kursları "
            "düzenleyen merkez."
        ),
        introduction="Kadınların haklarını bilerek ve güçlenerek yaşamasını destekler.",
        theme="kadin-ve-aile",
        target_groups=("kadinlar", "aileler"),
        tags=(
            "kadına yönelik şiddetin önlenmesi",
            "hukuki danışmanlık",
            "psikososyal destek",
            "kadın istihdamı",
        ),
        sdgs=(5, 10, 16),
        implementing_unit="Kadın ve Aile Hizmetleri Dairesi Başkanlığı",
        start_year=2015,
        status="running",
        evidence_level="evaluated",
        location="Akdeniz ilçesi, Hal Mahallesi; gezici danışmanlık kırsal mahallelerde",
        budget_band="medium",
        funding_sources="Belediye bütçesi; BM kuruluşları destekli kadın güçlenmesi projesi",
        staff_needed="2 avukat, 2 psikolog, 2 sosyal çalışmacı, 1 istihdam danışmanı",
        time_to_launch="4 ay",
        legal_basis=(
            f"{LAW_5393_14}; {LAW_5216_7}; "
            "6284 sayılı Ailenin Korunması ve Kadına Karşı Şiddetin Önlenmesine Dair Kanun"
        ),
        beneficiaries="Danışmanlık ve destek isteyen kadınlar",
        beneficiaries_count=7400,
        reviewed_days_ago=75,
        problem=(
            "Şiddete uğrayan kadınların önemli bir kısmı hangi kuruma başvuracağını bilmiyor ya da "
            "başvurmaktan "
            "çekiniyordu. Ekonomik bağımlılık, kadınların şiddet döngüsünden çıkmasının önündeki en büyük "
            "engeldi.",
            "Kırsal mahallelerdeki kadınlar ise kent merkezindeki hizmetlere ulaşamıyordu.",
        ),
        approach=(
            "Merkezde randevusuz başvuru kabul edilir; ilk görüşmeyi sosyal çalışmacı yapar ve gerekli "
            "durumlarda aynı gün avukat ve psikologla görüşme sağlanır. Görüşmeler gizlilik içinde yapılır.",
            "Acil koruma gerektiren durumlarda Şiddet Önleme ve İzleme Merkezi ile kolluk birimlerine "
            "yönlendirme yapılır. Meslek kursları ve istihdam danışmanlığıyla kadınların gelir elde etmesi "
            "desteklenir.",
        ),
        results=(
            "On yılda 7.400 kadına danışmanlık verildi; 900'ü aşkın kadın meslek kurslarını tamamladı.",
            "Bağımsız değerlendirme, merkezin kamu kurumlarıyla yönlendirme süresini kısalttığını ortaya "
            "koydu.",
        ),
        lessons=(
            "Gizlilik en önemli ilkedir: kayıtlar ayrı ve erişimi sınırlı tutulmalı, merkezin girişi dikkat "
            "çekmemelidir.",
            "Personel ikincil travma yaşayabilir; düzenli süpervizyon bütçelenmelidir.",
        ),
        metrics=(
            ("Danışmanlık verilen kadın", 7400, "kişi", 2025),
            ("Meslek kursu tamamlayan", 920, "kişi", 2025),
            ("Kamu kurumlarına yönlendirme", 1150, "vaka", 2025),
        ),
        steps=(
            (
                "Kurumlar arası protokol yapın",
                "Şiddet Önleme ve İzleme Merkezi, baro ve kolluk birimleriyle yönlendirme protokolü "
                "imzalayın.",
                "Protokol taslağı",
                "2 ay",
            ),
            (
                "Güvenli mekânı hazırlayın",
                "Gizliliği sağlayan görüşme odaları ve çocuklar için oyun köşesi olan bir mekân hazırlayın.",
                "Mekân, ses yalıtımı",
                "1–2 ay",
            ),
            (
                "Ekibi kurun ve süpervizyon planlayın",
                "Avukat, psikolog ve sosyal çalışmacıdan ekip kurun; aylık süpervizyonu bütçeleyin.",
                "Personel, süpervizör",
                "1 ay",
            ),
            (
                "Gezici danışmanlık başlatın",
                "Kırsal mahallelerde muhtarlıklarla ayda bir gezici danışmanlık günü düzenleyin.",
                "Araç, muhtarlık iş birliği",
                "Sürekli",
            ),
        ),
        partners=(
            ("Mersin Barosu Kadın Hakları Merkezi", "Hukuki danışmanlık", ""),
            ("Şiddet Önleme ve İzleme Merkezi (ŞÖNİM)", "Koruma kararları ve yönlendirme", ""),
        ),
        hero_alt="Birbirine destek olan figürleri simgeleyen mor ve turuncu tonlarında yuvarlak şekiller.",
        gallery_alts=(
            "Gizli görüşme odasını anlatan, yumuşak renkli kapı biçimi.",
            "Meslek kursunu simgeleyen, dikiş makinesi iğnesini andıran çizgiler.",
        ),
        contact_unit="Kadın ve Aile Hizmetleri Dairesi – Kadın Danışma Merkezi",
        contact_email="kadindanisma@mersin.bel.tr.example",
        palette=("#f7ede2", "#6a4c93", "#f28482", "#84a59d"),
    ),
    PracticeData(
        slug="sefkat-kart-dijital-gida-karti",
        title="Şefkat Kart – Dijital Gıda Kartı",
        summary=(
            "İhtiyaç sahibi ailelere her ay yüklenen ve anlaşmalı mahalle bakkallarında gıda ve temel "
            "ihtiyaç "
            "alışverişinde kullanılan dijital kart; hem aileyi hem mahalle esnafını destekler."
        ),
        introduction="Yardım parası mahalle ekonomisinde kalır, aileler istediği ürünü seçer.",
        theme="gida-guvencesi",
        target_groups=("dezavantajli-haneler", "aileler", "bebekler"),
        tags=("gıda yardımı", "dijital kart", "mahalle esnafı", "onurlu yardım"),
        sdgs=(1, 2, 8),
        implementing_unit="Sosyal Hizmetler Dairesi Başkanlığı",
        start_year=2020,
        status="running",
        evidence_level="implemented",
        location="Mersin'in 13 ilçesi",
        budget_band="very_high",
        funding_sources="Belediye bütçesi; bağışçıların karta doğrudan yaptığı katkılar",
        staff_needed="4 sosyal çalışmacı, 2 bilgi işlem uzmanı, 1 esnaf ilişkileri sorumlusu",
        time_to_launch="6 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; 5393 sayılı Belediye Kanunu md. 60",
        beneficiaries="Sosyal inceleme ile belirlenen yoksul haneler; bebekli ailelere ek yükleme",
        beneficiaries_count=16500,
        reviewed_days_ago=470,
        problem=(
            "Salgın döneminde gıda kolisi dağıtımı hem yavaş hem de bulaş riski taşıyordu. Kolilerin içeriği "
            "ailelerin ihtiyacıyla örtüşmüyor, mahalle bakkalları ise ekonomik olarak zorlanıyordu.",
            "Aileler yardım almak için uzun kuyruklarda beklemek zorunda kalıyordu.",
        ),
        approach=(
            "Sosyal inceleme ile hak sahibi olan hanelere banka iş birliğiyle dijital kart verilir; her ay "
            "hane büyüklüğüne göre bakiye yüklenir, bebekli hanelere mama ve bez için ek yükleme yapılır.",
            "Kart yalnızca anlaşmalı mahalle bakkallarında ve yalnızca gıda ile temel ihtiyaç ürünlerinde "
            "geçerlidir; alkol ve tütün ürünleri sistemce engellenir.",
        ),
        results=(
            "16.500 hane kart sahibi oldu; yılda yaklaşık 300 milyon TL mahalle esnafı üzerinden ekonomiye "
            "döndü.",
            "Dağıtım maliyeti koli sistemine göre belirgin biçimde azaldı; kuyruk ve bekleme sona erdi.",
        ),
        lessons=(
            "Banka ile yapılan sözleşmede veri paylaşımı ve harcama kısıtları ayrıntılı yazılmalı.",
            "Bakkal ağının ilçeler arasında dengeli dağılması için esnaf odalarıyla birlikte çalışılmalı.",
        ),
        metrics=(
            ("Kart sahibi hane", 16500, "hane", 2025),
            ("Anlaşmalı mahalle bakkalı", 1240, "işletme", 2025),
            ("Yıllık yükleme tutarı", 300, "milyon TL", 2025),
        ),
        steps=(
            (
                "Hak sahipliği ve tutarları belirleyin",
                "Hane büyüklüğüne göre aylık tutarları ve ek yükleme kurallarını meclis kararına bağlayın.",
                "Meclis kararı",
                "1 ay",
            ),
            (
                "Banka ile sözleşme yapın",
                "Kart basımı, yükleme, harcama kısıtları ve veri gizliliği maddelerini içeren sözleşme "
                "imzalayın.",
                "Hukuk müşavirliği, banka",
                "2–3 ay",
            ),
            (
                "Esnaf ağını kurun",
                "Esnaf odalarıyla mahalle bakkallarını sisteme dahil edin; POS tanımlarını yapın.",
                "Esnaf odaları, POS cihazları",
                "2 ay",
            ),
            (
                "Kartları dağıtın ve izleyin",
                "Kartları muhtarlıklar aracılığıyla teslim edin; aylık harcama raporlarıyla kötüye "
                "kullanımı izleyin.",
                "Dağıtım ekibi, raporlama paneli",
                "Sürekli",
            ),
        ),
        partners=(
            ("Anlaşmalı kamu bankası", "Kart altyapısı ve ödeme sistemi", ""),
            ("Mersin Esnaf ve Sanatkârlar Odaları Birliği", "Bakkal ağının kurulması", ""),
        ),
        hero_alt="Dijital kartı simgeleyen, köşeleri yuvarlak turkuaz dikdörtgen ve turuncu daireler.",
        gallery_alts=(
            "Mahalle bakkalını anlatan, tente biçiminde renkli şeritler.",
            "Aylık yüklemeyi simgeleyen, yükselen renkli sütunlar.",
        ),
        contact_unit="Sosyal Hizmetler Dairesi – Şefkat Kart Birimi",
        contact_email="sefkatkart@mersin.bel.tr.example",
        palette=("#e9f5f2", "#2a9d8f", "#e76f51", "#264653"),
    ),
    PracticeData(
        slug="mahalle-kresleri",
        title="Mahalle Kreşleri",
        summary=(
            "Çalışan ve iş arayan annelerin 3–6 yaş çocuklarına mahallede ücretsiz, nitelikli okul öncesi "
            "eğitim ve sıcak öğün sunan belediye kreşleri; kadın istihdamını ve erken çocukluk eğitimini "
            "destekler."
        ),
        introduction="Her çocuğa eşit bir başlangıç, her anneye çalışma hayatına katılma fırsatı.",
        theme="egitim",
        target_groups=("cocuklar", "kadinlar", "aileler"),
        tags=("erken çocukluk", "okul öncesi eğitim", "kadın istihdamı", "mahalle ölçeği"),
        sdgs=(4, 5, 8),
        implementing_unit="Kadın ve Aile Hizmetleri Dairesi Başkanlığı",
        start_year=2021,
        status="running",
        evidence_level="evaluated",
        location="Akdeniz, Toroslar ve Tarsus ilçelerinde 9 kreş",
        budget_band="high",
        funding_sources="Belediye bütçesi; kalkınma ajansı destekli bina dönüşümü",
        staff_needed="Kreş başına 4 okul öncesi öğretmeni, 2 yardımcı personel, 1 aşçı",
        time_to_launch="6–8 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; Özel Kreş ve Gündüz Bakımevleri Yönetmeliği",
        beneficiaries="3–6 yaş çocuklar ve çalışan veya iş arayan anneleri",
        beneficiaries_count=1450,
        reviewed_days_ago=30,
        problem=(
            "Dezavantajlı mahallelerde okul öncesi eğitime katılım oranı kent ortalamasının çok altındaydı. "
            "Özel kreş ücretleri asgari ücretin yarısına yaklaşıyordu.",
            "Çocuk bakımı sorumluluğu, annelerin iş aramasını ve çalışmasını engelleyen başlıca nedendi.",
        ),
        approach=(
            "Belediyeye ait binalar çocuk dostu biçimde dönüştürülerek mahalle kreşleri açıldı. Kayıtta "
            "çalışan, "
            "iş arayan ve tek ebeveynli annelerin çocuklarına öncelik verilir.",
            "Program Millî Eğitim okul öncesi müfredatıyla uyumludur; çocuklara iki sıcak öğün verilir ve "
            "Kadın Tarım Kooperatifi ürünleri menüde kullanılır. Ailelere aylık ebeveyn eğitimi yapılır.",
        ),
        results=(
            "Dokuz kreşte yılda 1.450 çocuk eğitim alıyor; annelerin yüzde 38'i çocukları kreşe başladıktan "
            "sonraki bir yıl içinde işe girdi.",
            "İlkokul öğretmenleri, kreşten gelen çocukların okula uyumunun daha hızlı olduğunu bildirdi.",
        ),
        lessons=(
            "Bina dönüşümü yönetmelik şartları nedeniyle beklenenden uzun sürüyor; mimari proje erken "
            "başlamalı.",
            "Bekleme listesi uzun; öncelik ölçütleri şeffaf biçimde ilan edilmeli.",
        ),
        metrics=(
            ("Kreş sayısı", 9, "kreş", 2025),
            ("Eğitim alan çocuk", 1450, "çocuk", 2025),
            ("Bir yıl içinde işe giren anne", 38, "%", 2025),
        ),
        steps=(
            (
                "İhtiyaç haritası çıkarın",
                "Okul öncesi eğitime katılımın düşük olduğu mahalleleri ve uygun belediye binalarını "
                "belirleyin.",
                "Milli Eğitim verileri, taşınmaz envanteri",
                "1 ay",
            ),
            (
                "Binayı dönüştürün",
                "Yönetmeliğe uygun mimari proje hazırlayın; oyun bahçesi ve mutfak ekleyin.",
                "Mimar, yapı bütçesi",
                "4–6 ay",
            ),
            (
                "Öğretmenleri istihdam edin",
                "Okul öncesi öğretmenleri ve yardımcı personeli alın; uyum eğitimi verin.",
                "Personel bütçesi",
                "1–2 ay",
            ),
            (
                "Kayıt ve öncelik kurallarını ilan edin",
                "Öncelik ölçütlerini ve kayıt takvimini muhtarlıklar aracılığıyla duyurun.",
                "Duyuru materyali",
                "1 ay",
            ),
        ),
        partners=(
            ("Mersin İl Millî Eğitim Müdürlüğü", "Müfredat uyumu ve denetim", ""),
            ("Kadın Tarım Kooperatifi", "Kreş menüsü için yerel ürün", ""),
        ),
        hero_alt="Oyun bloklarını simgeleyen sarı, kırmızı ve mavi kareler.",
        gallery_alts=(
            "Kreş bahçesini anlatan, yeşil zemin üzerinde renkli yuvarlak biçimler.",
            "Sıcak öğünü simgeleyen, tabak biçiminde iç içe daireler.",
        ),
        contact_unit="Kadın ve Aile Hizmetleri Dairesi – Kreşler Birimi",
        contact_email="kresler@mersin.bel.tr.example",
        palette=("#fffcf2", "#ffb703", "#219ebc", "#fb8500"),
    ),
    PracticeData(
        slug="mevsimlik-tarim-iscisi-cocuklarina-egitim-destegi",
        title="Mevsimlik Tarım İşçisi Çocuklarına Eğitim Desteği",
        summary=(
            "Hasat döneminde ailesiyle birlikte Mersin'e gelen mevsimlik tarım işçisi çocuklarına çadır "
            "alanlarında gezici eğitim sınıfı, okul uyum desteği, beslenme ve sağlık taraması sunan pilot "
            "program."
        ),
        introduction="Hasat dönemi, çocukların eğitimden koptuğu dönem olmamalı.",
        theme="egitim",
        target_groups=("cocuklar", "multeciler-gocmenler", "dezavantajli-haneler"),
        tags=("çocuk işçiliğiyle mücadele", "mevsimlik tarım", "okula uyum", "mobil hizmet"),
        sdgs=(1, 4, 8),
        implementing_unit="Sosyal Politikalar Ofisi",
        start_year=2024,
        status="pilot",
        evidence_level="pilot",
        location="Tarsus ve Erdemli'deki mevsimlik tarım işçisi çadır alanları",
        budget_band="low",
        funding_sources="Belediye bütçesi; uluslararası kuruluş destekli çocuk işçiliğiyle mücadele projesi",
        staff_needed="3 öğretmen, 1 sosyal çalışmacı, 1 hemşire, 1 şoför",
        time_to_launch="3 ay",
        legal_basis=f"{LAW_5393_14}; {LAW_5216_7}; Mevsimlik Tarım İşçileri Genelgesi",
        beneficiaries="Mevsimlik tarım işçisi ailelerin 6–14 yaş çocukları",
        beneficiaries_count=420,
        reviewed_days_ago=20,
        problem=(
            "Her yıl hasat döneminde binlerce aile Mersin'e gelerek çadır alanlarında yaşıyor. Çocuklar "
            "aylarca okuldan uzak kalıyor, bir kısmı tarlada çalışmak zorunda kalıyor.",
            "Çadır alanlarında temiz suya, sağlık hizmetine ve güvenli oyun alanına erişim çok sınırlı.",
        ),
        approach=(
            "Sınıf olarak donatılmış bir araç, hafta içi her gün çadır alanlarını dolaşarak çocuklara okuma, "
            "matematik ve Türkçe destek dersleri verir; oyun ve sanat etkinlikleri düzenler.",
            "Hemşire çocukların boy-kilo ve aşı takibini yapar; her çocuğa günlük beslenme paketi verilir. "
            "Sosyal çalışmacı, ailelerle görüşerek çocukların okul kaydını geldikleri il ile birlikte takip "
            "eder.",
        ),
        results=(
            "İlk pilot dönemde 420 çocuğa ulaşıldı; çocukların yüzde 63'ü düzenli olarak derslere katıldı.",
            "Okul kaydı takip edilen çocukların çoğu, ailelerinin memleketlerine dönüşünde okula devam etti.",
        ),
        lessons=(
            "Program, işverenler ve tarım aracılarıyla iş birliği yapılmadan çocukları tarladan uzak "
            "tutamıyor.",
            "Ailelerin güvenini kazanmak için aynı ekibin her gün aynı saatte gelmesi çok önemli.",
        ),
        metrics=(
            ("Ulaşılan çocuk", 420, "çocuk", 2025),
            ("Düzenli katılım oranı", 63, "%", 2025),
            ("Dağıtılan beslenme paketi", 21000, "paket", 2025),
        ),
        steps=(
            (
                "Çadır alanlarını belirleyin",
                "İl Tarım Müdürlüğü ve jandarma ile hasat takvimini ve çadır alanlarının yerini öğrenin.",
                "Kurumlar arası toplantı",
                "2 hafta",
            ),
            (
                "Gezici sınıfı hazırlayın",
                "Bir aracı sınıf olarak donatın; eğitim ve oyun malzemesi temin edin.",
                "Araç, eğitim materyali",
                "1–2 ay",
            ),
            (
                "Ekibi kurun",
                "Öğretmen, sosyal çalışmacı ve hemşireden oluşan ekibi göçle ilgili konularda eğitin.",
                "Personel, eğitim",
                "1 ay",
            ),
            (
                "İşverenlerle anlaşın",
                "Tarım aracıları ve işverenlerle çocukları tarlaya götürmeme konusunda mutabakat yapın.",
                "Mutabakat metni",
                "2 hafta",
            ),
            (
                "Okul kaydını takip edin",
                "Çocukların okul kayıtlarını memleket illeriyle paylaşarak izleyin.",
                "Sosyal çalışmacı, takip tablosu",
                "Hasat sonrası 2 ay",
            ),
        ),
        partners=(
            ("Mersin İl Millî Eğitim Müdürlüğü", "Destek eğitim programı", ""),
            ("Mersin İl Tarım ve Orman Müdürlüğü", "Hasat takvimi ve çadır alanları", ""),
        ),
        hero_alt="Tarla ve güneşin altında bir okul sırasını simgeleyen yeşil ve sarı şekiller.",
        gallery_alts=(
            "Gezici sınıfı anlatan, tekerlekli bir kutu biçiminde renkli görsel.",
            "Beslenme paketini simgeleyen turuncu ve kırmızı daireler.",
        ),
        contact_unit="Sosyal Politikalar Ofisi – Çocuk ve Gençlik Birimi",
        contact_email="cocuk.genclik@mersin.bel.tr.example",
        palette=("#f0efeb", "#588157", "#e9c46a", "#344e41"),
    ),
)

HOME_PAGE = {
    "title": "Herkes birilerinin birisidir",
    "introduction": (
        "Mersin Büyükşehir Belediyesi Sosyal Politikalar Ofisi'nin iyi uygulama kütüphanesi: doğumdan "
        "yaşlılığa "
        "yaşam boyu sosyal hizmet modelleri, başka belediyelerin uyarlayabileceği biçimde belgelendi."
    ),
    "mission_title": "Misyonumuz",
    "mission": (
        "<p><b>Herkes birilerinin birisidir.</b> Sosyal Politikalar Ofisi, kentte yaşayan her insanın "
        "hayatın "
        "her evresinde yanında olmayı amaçlar: yeni doğan bir bebeğin ailesine yapılan ilk ev ziyaretinden, "
        "yalnız yaşayan bir yaşlının evde bakımına kadar yaşam döngüsü boyunca sosyal hizmet sunar.</p>"
        "<p>Ofisimiz başka belediyeleri çalışma ziyaretlerinde ağırlıyor, uygulamalarını uyarlamak isteyen "
        "belediyelerle görüşmelerini sürdürüyor. Sağlık, tarım, kültür ve sanat ile engelli hizmetleri "
        "alanlarındaki uygulamalarımız başka belediyelere aktarıldı; güncel sayılar yukarıda ve etki "
        "sayfasında, kayıtlardan hesaplanarak gösterilir.</p>"
        "<p>Bu kütüphanede her uygulamanın sorunu, yaklaşımı, sonuçları, öğrenilen dersleri ve adım adım "
        "uyarlama rehberi yer alır. Uygulamalarımızı yerinde görmek için çalışma ziyareti talep "
        "edebilirsiniz.</p>"
    ),
    "hero_alt": "Yaşam döngüsünü simgeleyen, bebeklikten yaşlılığa uzanan renkli iç içe daireler.",
}

PORTAL_SETTINGS = {
    "office_name": "Mersin Büyükşehir Belediyesi Sosyal Politikalar Ofisi",
    "address": "Hal Mahallesi, Örnek Sokak No: 1\nAkdeniz / Mersin",
    "email": OFFICE_EMAIL,
    "phone": OFFICE_PHONE,
    "consent_text": (
        "Çalışma ziyareti talebimin değerlendirilmesi ve benimle iletişim kurulması amacıyla ad, soyad, "
        "unvan, kurum, e-posta ve telefon bilgilerimin Aydınlatma Metni'nde belirtilen şekilde işlenmesine "
        "açık rıza veriyorum."
    ),
    "consent_text_version": "2026-1",
    "privacy_notice": (
        "<h2>Kişisel Verilerin İşlenmesine İlişkin Aydınlatma Metni</h2>"
        '<p>Mersin Büyükşehir Belediyesi ("Belediye") olarak, 6698 sayılı Kişisel Verilerin Korunması '
        'Kanunu\'nun ("KVKK") 10. maddesi uyarınca veri sorumlusu sıfatıyla, Uygulama Atlası üzerinden '
        "paylaştığınız kişisel verilerin işlenmesine ilişkin sizi bilgilendirmek isteriz.</p>"
        "<h3>İşlenen kişisel veriler ve işleme amaçları</h3>"
        "<p>Çalışma ziyareti talep formu aracılığıyla ad, soyad, unvan, çalıştığınız kurum, e-posta adresi "
        "ve "
        "telefon numaranız; ziyaret talebinizin değerlendirilmesi, ziyaretin planlanması, sizinle iletişim "
        "kurulması ve uyarlama sürecinin izlenmesi amaçlarıyla işlenir. Bu veriler herkese açık sayfalarda "
        "hiçbir zaman yayımlanmaz; kamuya yalnızca kişisel veri içermeyen toplu istatistikler açıklanır.</p>"
        "<h3>Hukuki sebep ve toplama yöntemi</h3>"
        "<p>Kişisel verileriniz, KVKK'nın 5. maddesinin 1. fıkrası uyarınca açık rızanıza dayanılarak ve "
        "5. maddenin 2. fıkrasının (ç) bendi kapsamında Belediye'nin 5393 ve 5216 sayılı Kanunlardan doğan "
        "hukuki yükümlülüklerini yerine getirmesi için, elektronik ortamda form aracılığıyla toplanır.</p>"
        "<h3>Aktarım</h3>"
        "<p>Verileriniz yalnızca ziyaretin gerçekleştirilmesi için gerekli olduğu ölçüde Belediye'nin ilgili "
        "birimleriyle ve kanunen yetkili kamu kurumlarıyla paylaşılır; yurt dışına aktarılmaz.</p>"
        # The retention period is not written here: the notice page adds it from CONTACT_RETENTION_DAYS,
        # the value the retention job uses, so the two cannot disagree.
        "<h3>Haklarınız</h3>"
        "<p>KVKK'nın 11. maddesi uyarınca verilerinizin işlenip işlenmediğini öğrenme, düzeltilmesini veya "
        "silinmesini isteme, işlemeye itiraz etme ve açık rızanızı her zaman geri alma haklarına sahipsiniz. "
        "Başvurularınızı sosyalpolitika@mersin.bel.tr.example adresine veya Hal Mahallesi, Akdeniz/Mersin "
        "adresindeki ofisimize yazılı olarak iletebilirsiniz.</p>"
    ),
}

# Role -> (group name or None for a superuser, password). Printed by load_demo in development only.
DEMO_USERS: tuple[tuple[str, str | None, str], ...] = (
    ("editor", "Editors", "atlas-editor-2026"),
    ("publisher", "Publishers", "atlas-publisher-2026"),
    ("mentor", "Mentors", "atlas-mentor-2026"),
    ("admin", None, "atlas-admin-2026"),
)
