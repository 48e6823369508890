#!/usr/bin/env python3
"""Write heldout6/messages.jsonl from the hand-written table below.

Every row is (tenant, text, section code or None, wants_human, sentiment). Section codes are
A<n> (aurora), S<n> (solmar) and D<n> (demo); they are expanded to the FAQ heading strings.
Ids are h6-<tenant>-<nnn>, numbered per tenant in file order. `language` is the block's code.

Before writing, the table is checked: section code matches the tenant, text length 20-170, and
(when the FAQ files are found) no message shares a run of five words with any FAQ text.

Use: measurement only - never tune on this set.
"""

import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
EVAL_DIR = Path(os.environ.get("EVAL_DIR", REPO.parent / "shared" / "eval"))
DEMO_FAQ = Path(os.environ.get("DEMO_FAQ", REPO / "deploy" / "local" / "sample" / "demo-faq.md"))

HEADINGS = {
    "A": [
        "Shipping times",
        "Shipping costs",
        "International shipping",
        "Order tracking",
        "Returns",
        "Refund timing",
        "Warranty",
        "Payment methods",
        "Installments (meses sin intereses)",
        "Invoices (CFDI / nota fiscal)",
        "Store pickup locations and hours",
        "Price match",
        "Order cancellation",
        "Damaged or wrong items",
        "Trade-in program",
        "Customer support hours and channels",
    ],
    "S": [
        "Reservas",
        "Cambios de fecha",
        "Cancelaciones y reembolsos",
        "Equipaje",
        "Documentación y visados",
        "Formas de pago y cuotas",
        "Seguro de viaje",
        "Viajar con mascotas",
        "Check-in online",
        "Horario de atención",
        "Promociones y cupones",
        "Facturación",
        "Grupos y eventos",
        "Accesibilidad",
    ],
    "D": [
        "Opening hours",
        "Address and parking",
        "Delivery",
        "Returns",
        "Warranty",
        "Repairs and servicing",
        "Bike rental",
        "Trade-in of used bikes",
        "Payment methods",
        "Contact us",
    ],
}
CODE_OF = {"aurora": "A", "solmar": "S", "demo": "D"}
SENT = {"neu": "neutral", "neg": "negative", "pos": "positive"}

a, s, d = "aurora", "solmar", "demo"
T, F = True, False

# ---------------------------------------------------------------- en
EN = [
    (a, "when's the next hot sale? wanna wait for it before i buy a laptop", None, F, "neu"),
    (a, "cart's at MXN 940 for a keyboard and mouse, am i paying for delivery or not?", "A2", F, "neu"),
    (a, "can a parcel go straight to my sister in bogota? she can't find this speaker anywhere there", "A3", F, "neu"),
    (
        a,
        "your courier 'tried' 3 times apparently but nobody ever rang my bell. so what happens to my order now?",
        "A4",
        F,
        "neg",
    ),
    (a, "opened a sealed football game for my nephew, turns out he already has it. can it go back?", "A5", F, "neu"),
    (
        a,
        "returned a monitor, it got to your warehouse on tuesday. paid with mercado pago - roughly when do i see the money?",
        "A6",
        F,
        "neu",
    ),
    (a, "thinking about 2 extra years of protege on a MXN 12,000 fridge, how much would that add?", "A7", F, "neu"),
    (
        a,
        "so i cant get 12 months interest free on a 2,600 peso tablet?? whats the actual minimum then 🙄",
        "A9",
        F,
        "neg",
    ),
    (
        a,
        "you guys were great last time! not asking for a person, only want to know: does store credit from a trade-in expire?",
        "A15",
        F,
        "pos",
    ),
    (
        a,
        "order still says processing and i typed the wrong address 🤦 can i still cancel it? rather sort it with a human tho",
        "A13",
        T,
        "neu",
    ),
    (a, "do you guys do wall mounting when a tv gets delivered? im hopeless with a drill lol", None, F, "neu"),
    (a, "what would you give me for a galaxy s21 with a cracked back? just a rough number", None, F, "neu"),
    (a, "is there a deductible when i use the accidental damage claim on aurora protege?", None, F, "neu"),
    (a, "third order in a row that turns up late. honestly starting to regret paying for aurora plus", None, F, "neg"),
    (
        a,
        "ive explained the missing charger 4 times and this bot keeps sending me links. put me through to someone who can actually read",
        None,
        T,
        "neg",
    ),
    (
        a,
        "i want a supervisor to look at my price match request, the agent yesterday just brushed me off",
        None,
        T,
        "neg",
    ),
    (a, "is there anybody real on this chat?? been waiting since lunch", None, T, "neg"),
    (a, "do you have the ps5 slim in stock at the polanco store today?", None, F, "neu"),
    (
        s,
        "booked a package to cancun, we leave in 10 days but dad's in hospital. how much do we lose if we cancel now?",
        "S3",
        F,
        "neu",
    ),
    (s, "seriously, basic fare and no proper cabin bag?? so what size can i actually bring", "S4", F, "neg"),
    (s, "passport runs out in 4 months and we fly to lima next month, is that gonna be an issue?", "S5", F, "neu"),
    (s, "my cat + her carrier come to about 7kg, can she stay with me in the cabin?", "S8", F, "neu"),
    (s, "got the newsletter welcome coupon, can i use it on top of the early booking discount?", "S11", F, "neu"),
    (
        s,
        "loved the trip you planned for us last year 😍 quick one, my surname is misspelled on the new booking (2 letters). will fixing it cost anything?",
        "S2",
        F,
        "pos",
    ),
    (
        s,
        "my grandad is in a wheelchair, do we pay extra for help at the airport? also can someone ring me to go through it",
        "S14",
        T,
        "neu",
    ),
    (s, "does the cruise price include tips and drinks on board?", None, F, "neu"),
    (s, "does seguro solmar total cover skiing injuries? going to andorra in feb", None, F, "neu"),
    (s, "whats the address of your office in medellin?", None, F, "neu"),
    (
        s,
        "hotel in the package looked nothing like the photos and the pool was shut all week. really disappointed with solmar",
        None,
        F,
        "neg",
    ),
    (
        s,
        "i've typed my booking code three times and you keep asking for it again. i want an actual person now",
        None,
        T,
        "neg",
    ),
    (
        s,
        "flight got cancelled and we're stuck at lisbon airport with 2 kids, need someone to call me asap",
        None,
        T,
        "neu",
    ),
    (s, "whats the 24h number for emergencies while we're away? want it saved before we fly", "S10", F, "neu"),
    (d, "can i drop my bike off at the workshop around 3pm on a saturday?", "D1", F, "neu"),
    (d, "does your workshop touch bikes you didnt sell? mine's an old peugeot from a car boot sale", "D6", F, "neu"),
    (d, "not buying anything new rn, would you just give me cash for my old road bike?", "D8", F, "neu"),
    (d, "me and 2 mates want e-bikes for a whole week in august, what's that per person?", "D7", F, "neu"),
    (d, "do you do winter storage for bikes? no room in my flat", None, F, "neu"),
    (d, "picked up my gravel bike yesterday and i'm buzzing!! do you run any group rides at weekends?", None, F, "pos"),
    (
        d,
        "rang twice and no one picked up. my e-bike display shows an error code, can a real mechanic call me back please",
        None,
        T,
        "neg",
    ),
    (d, "could i speak to tom from the workshop? he said to ask for him when the part arrives", None, T, "neu"),
]

# ---------------------------------------------------------------- es
ES = [
    (a, "necesito la lavadora para el sabado, me la pueden mandar por express?", "A2", F, "neu"),
    (a, "tienen servicio de configurar la laptop nueva? pasar mis archivos y eso", None, F, "neu"),
    (a, "mi hijo estudia en texas, le puedo mandar un control de xbox directo alla desde su pagina?", "A3", F, "neu"),
    (a, "estafeta entrega los domingos? entre semana no hay nadie en casa", None, F, "neu"),
    (
        a,
        "compre unos audifonos in ear, ya les quite el sellito y no me gusto como suenan, los puedo regresar?",
        "A5",
        F,
        "neu",
    ),
    (a, "pague en efectivo en oxxo y voy a devolver el pedido, como me regresan el dinero?", "A6", F, "neu"),
    (a, "el iphone 15 que venden es version mexicana o importado? no quiero broncas con la garantia", None, F, "neu"),
    (a, "tengo tarjeta banorte y la compra es de 1,800 pesos, me sale a 6 msi?", "A9", F, "neu"),
    (a, "pague el 28 de febrero y hoy 3 de marzo ya no me deja pedir factura?? nadie avisa del plazo", "A10", F, "neg"),
    (
        a,
        "en liverpool la misma bocina esta 800 pesos mas barata... a ver si es cierto eso de que igualan precios 🙄",
        "A12",
        F,
        "neg",
    ),
    (a, "me llego una licuadora roja y yo pedi la negra, tengo que pagar el envio para cambiarla?", "A14", F, "neu"),
    (a, "ya me canse del bot 😤 a que hora hay gente de verdad en el chat? paseme con alguien", "A16", T, "neg"),
    (a, "llevo una semana escribiendo por mi reembolso y nada, quiero hablar con un gerente ya", None, T, "neg"),
    (
        a,
        "me pueden marcar al 33 1234 5678? es por un pedido que no llego, prefiero explicarlo por telefono",
        None,
        T,
        "neu",
    ),
    (a, "hay alguien que sepa de minisplits? quiero que una persona me asesore antes de comprar", None, T, "neu"),
    (a, "mi cuñado va a recoger mi pedido en coyoacan porque yo trabajo, que tiene que llevar?", "A11", F, "neu"),
    (a, "pedi una laptop para el regreso a clases y llego con el teclado en ingles, que decepcion", None, F, "neg"),
    (a, "venden tarjetas de regalo de 500 pesos? es para un cumpleaños", None, F, "neu"),
    (
        s,
        "reserve ayer un paquete a punta cana y nunca me llego el codigo de la reserva por mail, que hago?",
        "S1",
        F,
        "neu",
    ),
    (s, "si cancelamos el paquete a cancun 50 dias antes, cuanto nos cobran?", "S3", F, "neu"),
    (s, "el club solmar tiene algun nivel vip con acceso a salas del aeropuerto?", None, F, "neu"),
    (s, "el seguro que viene incluido en el paquete me cubre si cancelo por una operacion?", "S7", F, "neu"),
    (
        s,
        "y por que no puedo hacer el check in online de mi vuelo charter?? en la web no sale nada, que desastre",
        "S9",
        F,
        "neg",
    ),
    (s, "para la despedida de soltera en ibiza, organizan fiestas en barco?", None, F, "neu"),
    (
        s,
        "quiero mover la fecha del hotel, salgo en 25 dias. cuanto cuesta? y alguien me puede llamar para hacerlo",
        "S2",
        T,
        "neu",
    ),
    (
        s,
        "o sea que el paquete bajo 200 euros una semana despues de pagar y no me devuelven nada? vaya tela",
        "S11",
        F,
        "neg",
    ),
    (s, "tienen excursiones en destino tipo buceo o snorkel para reservar con ustedes?", None, F, "neu"),
    (s, "cuanto sale un crucero por el mediterraneo en septiembre para 2?", None, F, "neu"),
    (
        s,
        "el guia del circuito llego tarde todos los dias y nos perdimos dos visitas. fatal la organizacion",
        None,
        F,
        "neg",
    ),
    (s, "el asistente virtual no entiende nada de lo que le digo, paseme con una persona porfa", None, T, "neg"),
    (
        s,
        "marta de la oficina de valencia nos organizo todo genial, quiero que ella siga con lo de la boda, me la pasan?",
        None,
        T,
        "pos",
    ),
    (s, "cual es el whatsapp de ustedes? quiero mandar fotos de los pasaportes", "S10", F, "neu"),
    (d, "estoy a unos 6 km de la tienda, si compro una bici me la traen gratis un martes?", "D3", F, "neu"),
    (d, "el cuadro tiene garantia de por vida aunque la bici se la compre usada a un amigo?", "D5", F, "neu"),
    (d, "la electrica sale 1200 euros, se puede pagar a meses sin intereses?", "D9", F, "neu"),
    (d, "abren los domingos? queremos volver con los niños, nos encanto la tienda 😊", "D1", F, "pos"),
    (d, "cuanto cobran por purgar frenos hidraulicos?", None, F, "neu"),
    (
        d,
        "me urge hablar con el mecanico, mi bici electrica no prende y la necesito mañana para trabajar",
        None,
        T,
        "neu",
    ),
    (
        d,
        "llevo 20 minutos con este chat y no me sirve de nada 🙄 hay alguien en la tienda que me conteste?",
        None,
        T,
        "neg",
    ),
    (
        d,
        "la señora que me vendio la bici en primavera sabia muchisimo, dile que la bici va perfecta 😊",
        None,
        F,
        "pos",
    ),
]

# ---------------------------------------------------------------- pt
PT = [
    (a, "R$ 24,90 de frete num pedido de R$ 280?? sério que nao tem frete gratis?", "A2", F, "neg"),
    (a, "sempre demora uma eternidade pra chegar aqui em belem 😒 qual o prazo normal afinal?", "A1", F, "neg"),
    (
        a,
        "comprei uma caixa de som e me arrependi, chegou faz 4 dias. se eu devolver recebo o frete de volta?",
        "A5",
        F,
        "neu",
    ),
    (a, "paguei no pix, se eu devolver o produto em quantos dias o dinheiro volta?", "A6", F, "neu"),
    (a, "vcs aceitam boleto? e se eu so conseguir pagar no 4o dia util?", "A8", F, "neu"),
    (a, "da pra parcelar R$ 450 em 10x sem juros?", "A9", F, "neu"),
    (a, "coloquei o cpf da minha mae sem querer e a nota ja saiu, da pra trocar pro meu?", "A10", F, "neu"),
    (a, "vcs fazem embalagem de presente? é pro aniversario da minha vo", None, F, "neu"),
    (a, "que chato, vcs nao aceitam pc de mesa na troca?", "A15", F, "neg"),
    (a, "quero cancelar um pedido que ja ta como enviado, tem como? alguem me liga pfv", "A13", T, "neu"),
    (a, "atendimento por telefone é so pra quem é aurora plus? nao achei o numero no site", "A16", F, "neu"),
    (a, "a aurora tem programa de indicação? tipo ganhar desconto indicando amigo", None, F, "neu"),
    (a, "o aurora protege vale se o notebook quebrar numa viagem pra europa?", None, F, "neu"),
    (
        a,
        "pedi um celular pro dia das mães e chegou depois do domingo. estragaram a surpresa, que decepção",
        None,
        F,
        "neg",
    ),
    (a, "robozinho, vc nao ta me ajudando em nada. quero falar com uma pessoa de verdade!!", None, T, "neg"),
    (a, "ja é a quarta vez que remarcam a entrega da minha geladeira. cadê o supervisor?", None, T, "neg"),
    (a, "vcs vendem iphone recondicionado?", None, F, "neu"),
    (a, "tem alguem ai mesmo? preciso resolver um problema no meu pedido", None, T, "neu"),
    (
        s,
        "vou levar minha prancha de surf pras canarias, quanto custa e com quanta antecedencia tenho q avisar?",
        "S4",
        F,
        "neu",
    ),
    (s, "vcs conseguem tirar o visto eletronico da india pra mim? quanto sai?", "S5", F, "neu"),
    (s, "to no chile, consigo parcelar a viagem sem juros?", "S6", F, "neu"),
    (
        s,
        "minha gata vai comigo pra buenos aires, alem do microchip precisa de algum papel do veterinario?",
        "S8",
        F,
        "neu",
    ),
    (s, "adoramos a viagem do ano passado! agora se eu cancelar o pacote faltando 2 dias, perco tudo?", "S3", F, "pos"),
    (s, "fechei um pacote e a fatura veio sem o IVA separado, ta errado isso?", "S12", F, "neu"),
    (
        s,
        "a moça que me atendeu ano passado foi um amor! vcs atendem em portugues por telefone? queria falar com alguem",
        "S10",
        T,
        "pos",
    ),
    (s, "o pacote pra disney inclui ingresso dos parques?", None, F, "neu"),
    (s, "os hoteis dos pacotes tem cafe da manha incluso?", None, F, "neu"),
    (s, "o quarto que vcs reservaram era do lado da balada, ninguem dormiu a semana toda. péssimo", None, F, "neg"),
    (s, "mandei 3 emails e nada de resposta. quero que um atendente me ligue hoje", None, T, "neg"),
    (s, "perdi a conexão em lima e to sem saber o que fazer, me liguem assim que puderem por favor", None, T, "neu"),
    (s, "o club solmar tem cartao de credito proprio?", None, F, "neu"),
    (s, "vcs tem pacote pra fernando de noronha? quanto fica?", None, F, "neu"),
    (d, "nem posso devolver a bike so pq dei umas voltas no parque? que regra sem sentido", "D4", F, "neg"),
    (d, "vcs sao demais! a primeira revisao é gratis mesmo? comprei a bike faz 2 meses", "D6", F, "pos"),
    (d, "tem onde estacionar o carro perto da loja?", "D2", F, "neu"),
    (d, "meu filho tem 15 anos, ele pode alugar uma bike sozinho?", "D7", F, "neu"),
    (d, "vcs dao aula de pedal pra iniciantes?", None, F, "neu"),
    (d, "posso falar com o mecanico? minha e-bike ta fazendo um barulho estranho no motor", None, T, "neu"),
    (d, "esse chat so me manda resposta pronta. quero falar com o dono da loja", None, T, "neg"),
    (d, "minha esposa vai buscar a bike no meu lugar sexta, ela precisa levar alguma coisa?", None, F, "neu"),
]

# ---------------------------------------------------------------- hi
HI = [
    (a, "क्या आप मेरे भाई को ह्यूस्टन में लैपटॉप भेज सकते हो? मैं मेक्सिको सिटी में रहता हूँ", "A3", F, "neu"),
    (a, "मेरे फोन पर चाय गिर गई और अब स्क्रीन नहीं चलती, क्या वारंटी में ठीक हो जाएगा?", "A7", F, "neu"),
    (a, "क्या डेबिट कार्ड से किश्तों में पेमेंट हो सकता है? फ्रिज लेना है", "A9", F, "neu"),
    (a, "पिकअप कोड आ गया है पर मैं 10 दिन बाद ही स्टोर जा पाऊँगा, क्या ऑर्डर तब तक रखा रहेगा?", "A11", F, "neu"),
    (a, "पेमेंट के दो घंटे बाद कैंसिल करना चाहा तो ऑप्शन ही गायब है, ये कैसा सिस्टम है? अब क्या करूँ", "A13", F, "neg"),
    (a, "बॉट से बात करके थक गया हूँ, कोई असली इंसान है वहाँ?", None, T, "neg"),
    (a, "कृपया मुझे कल सुबह कॉल कर दीजिए, रिफंड के बारे में बात करनी है", None, T, "neu"),
    (a, "क्या आप पुराने फोन की बैटरी रीसायकल के लिए लेते हो?", None, F, "neu"),
    (a, "पोलांको वाले स्टोर में आईफोन की स्क्रीन बदलवाने में कितना खर्च आएगा?", None, F, "neu"),
    (a, "bhai 65 inch tv monterrey mangwana hai, shipping kitna lagega? express ho jayega kya", "A2", F, "neu"),
    (a, "kya aurora ka koi student discount hai? college ke liye laptop lena hai", None, F, "neu"),
    (
        a,
        "amazon mexico pe ek marketplace seller same headphones sasta de raha hai, price match karoge?",
        "A12",
        F,
        "neu",
    ),
    (a, "parcel ka dabba pura phata hua aaya, bahut bura laga. 1 din hua hai, ab kya karun?", "A14", F, "neg"),
    (a, "aapki service mast hai yaar 👍 ek sawal, cash on delivery hota hai kya?", "A8", F, "pos"),
    (
        a,
        "tracking 6 din se same status pe atka hai, koi insaan check karega? investigation kitne din chalti hai",
        "A4",
        T,
        "neu",
    ),
    (a, "yaar kitni baar same cheez bolun, manager se baat karao mera", None, T, "neg"),
    (a, "pichli baar bhi late aaya tha, is baar bhi. aurora se ummeed hi chhod di 😒", None, F, "neg"),
    (a, "aurora plus beech mein cancel karun toh baaki paisa wapas milega?", None, F, "neu"),
    (s, "अगर मैं एयरपोर्ट पर एक और बैग जोड़ूँ तो क्या ज़्यादा महंगा पड़ेगा? यूरोप के अंदर की फ्लाइट है", "S4", F, "neu"),
    (s, "क्या सोलमार के पैकेज में एयरपोर्ट लाउंज का एक्सेस मिलता है?", None, F, "neu"),
    (s, "फ्लाइट 8 घंटे लेट हो गई, मेरे पास सोलमार टोटल बीमा है, कुछ पैसे मिलेंगे?", "S7", F, "neu"),
    (s, "मेरी माँ इलेक्ट्रिक व्हीलचेयर इस्तेमाल करती हैं, बैटरी की जानकारी कितने समय पहले देनी होगी?", "S14", F, "neu"),
    (s, "तीन दिन से ईमेल का जवाब नहीं आया, अब मुझे किसी सीनियर से बात करनी है", None, T, "neg"),
    (s, "क्या आप गोवा के लिए पैकेज बेचते हो? दिसंबर में जाना है", None, F, "neu"),
    (s, "क्या सोलमार क्रूज़ पर शाकाहारी खाना मिलता है?", None, F, "neu"),
    (s, "trip 30 din baad hai aur cancel karna pad raha hai, package ka kitna paisa katega?", "S3", F, "neu"),
    (s, "club solmar mein 2500 points hain, kitne euro ka discount banega?", "S11", F, "neu"),
    (s, "basic fare wali flight ki date change nahi hogi?? pehle kyun nahi bataya 😡", "S2", F, "neg"),
    (s, "office trip hai 12 logon ki, groups ke liye koi special rate milta hai kya?", "S13", F, "neu"),
    (s, "flight kal subah hai aur booking mein naam galat hai, please koi mujhe abhi call kare", None, T, "neu"),
    (s, "priya ji ne pichli baar bahut help ki thi, kya aaj bhi unse baat ho sakti hai?", None, T, "pos"),
    (
        s,
        "hotel walon ko humari booking mili hi nahi, raat 12 baje tak lobby mein baithe rahe. bakwas service",
        None,
        F,
        "neg",
    ),
    (d, "सिर्फ़ डेढ़ साल में बैटरी जवाब दे गई, 600 बार चार्ज हुई है, वारंटी मिलेगी या नहीं?", "D5", F, "neg"),
    (d, "मुझे किसी एजेंट से बात नहीं करनी, बस बताइए क्या आप देश के बाहर पार्ट्स भेजते हो?", "D3", F, "neu"),
    (d, "क्या आप साइकिल के लिए चोरी का बीमा भी बेचते हो?", None, F, "neu"),
    (d, "फ़ोन किया तो किसी ने नहीं उठाया, चैट भी बेकार है। दुकान से कोई मुझसे बात करेगा?", None, T, "neg"),
    (d, "december mein shaam 7:30 tak shop khuli rahegi? office ke baad aaunga", "D1", F, "neu"),
    (d, "aapki shop meri fav hai ❤️ dost ke liye 50 euro ka gift card lena hai, kab tak valid rahega?", "D9", F, "pos"),
    (d, "shop mein bike wash ki service hai kya? bahut keechad lag gaya hai", None, F, "neu"),
    (d, "bike ka gear bilkul kaam nahi kar raha, koi mechanic mujhe call karke samjha sakta hai?", None, T, "neu"),
]

# ---------------------------------------------------------------- ta
TA = [
    (a, "இன்னைக்கு செவ்வாய்க்கிழமை, மதியம் 1 மணிக்கு பணம் கட்டினேன். இன்னைக்கே பார்சல் கிளம்புமா?", "A1", F, "neu"),
    (a, "பிறந்தநாளுக்கு கிடைச்ச கிஃப்ட் கார்டு தேவையில்ல, திருப்பி கொடுத்து பணம் வாங்கலாமா?", "A5", F, "neu"),
    (a, "டேப்லெட்டை வெளிக்கடையில ரிப்பேர் பண்ணினேன், இப்போ மறுபடி பிரச்சனை. அரோரா வாரண்டி இன்னும் செல்லுமா?", "A7", F, "neu"),
    (a, "பிரேசில்ல R$ 1000 போனை 12 தவணையில வாங்கினா வட்டி கட்டணுமா?", "A9", F, "neu"),
    (a, "பழைய ஸ்மார்ட்வாட்ச் ஆன் ஆகவே மாட்டேங்குது, அதை டிரேட்-இன் பண்ண முடியுமா?", "A15", F, "neu"),
    (a, "இந்த பாட் ஒரே பதிலை திரும்ப திரும்ப சொல்லுது 😤 ஒரு மனுஷன் கிட்ட பேசணும்", None, T, "neg"),
    (a, "ரீஃபண்ட் இன்னும் வரல, கார்டுக்கு எத்தனை நாள் ஆகும்? யாராவது எனக்கு போன் பண்ணுங்க", "A6", T, "neu"),
    (a, "கோயோகான் கடையில டிவி டெமோ பார்க்க அப்பாயின்ட்மென்ட் வேணுமா?", None, F, "neu"),
    (a, "ரெண்டு வாரமா காத்திருக்கேன், ஒரு அப்டேட் கூட இல்ல. ரொம்ப ஏமாற்றம்", None, F, "neg"),
    (a, "brazil site la vaangina phone ah ingu mexico la return panna mudiyadha? enna kodumai idhu", "A3", F, "neg"),
    (a, "instagram la aurora giveaway nu oru post paathen, adhu unmaiya fake ah?", None, F, "neu"),
    (a, "order vandhu 10 naal la price kammi pannitteenga, nalla velai 🙄 difference tharuveengala?", "A12", F, "neg"),
    (a, "email anuppina evlo neram la reply varum? chat la wait panna porumai illa", "A16", F, "neu"),
    (
        a,
        "semma fast delivery, thanks! aana box la charger illa. nethu dhaan vandhuchu, ippo complain pannalama?",
        "A14",
        F,
        "pos",
    ),
    (a, "evlo neram dhaan wait panradhu, supervisor ah line la kondu vaanga", None, T, "neg"),
    (a, "yaaravadhu real person irukeengala? order pathi konjam doubt", None, T, "neu"),
    (a, "unga kitta refurbished macbook vikkareengala?", None, F, "neu"),
    (a, "laptop ku windows install panni tharuveengala? extra charge aanalum ok", None, F, "neu"),
    (s, "பேக்கேஜ் புக் பண்ண முழு பணமும் இப்போவே கட்டணுமா? பயணம் 4 மாசம் கழிச்சு தான்", "S1", F, "neu"),
    (s, "நாயை விமானத்தில கூட்டிட்டு போக எத்தனை நாள் முன்னாடியே சொல்லணும்?", "S8", F, "neu"),
    (s, "சோல்மார் கோட் போட்டா செக்-இன் வேலை செய்யல, உங்க சிஸ்டம் எப்பவுமே இப்படிதானா?", "S9", F, "neg"),
    (s, "மெக்சிகோ சிட்டி ஏர்போர்ட்ல சோல்மார் கவுண்டர் இருக்கா?", None, F, "neu"),
    (s, "தயவு செய்து யாராவது என்னை அழைக்க முடியுமா? குடும்ப சுற்றுலா பற்றி பேசணும்", None, T, "neu"),
    (s, "கென்யா சஃபாரி பேக்கேஜ் விலை எவ்வளவு?", None, F, "neu"),
    (s, "விமான நிலையத்துல யாரும் பிக்கப் பண்ண வரல, இரண்டு மணி நேரம் நின்னோம். கேவலமான சேவை", None, F, "neg"),
    (s, "6000 euro trip ah solmar pago flex la 12 maasam pannalama? interest evlo?", "S6", F, "neu"),
    (s, "honeymoon couples ku edhavadhu special offer irukka?", None, F, "neu"),
    (
        s,
        "pona varusham tour arumaiya irundhuchu! indha thadava 25 pasanga, final names list eppo anuppanum?",
        "S13",
        F,
        "pos",
    ),
    (s, "neenga dhaan trip cancel panneenga, full refund kidaikuma illa adhuvum illaya? 😡", "S3", F, "neg"),
    (s, "bot kitta pesi pesi tired aayiten, oru agent kitta transfer pannunga pls", None, T, "neg"),
    (
        s,
        "amma ku airport la wheelchair help venum, adhu free ah? yaaravadhu phone la explain pannunga",
        "S14",
        T,
        "neu",
    ),
    (s, "club solmar points ah family members kooda share panna mudiyuma?", None, F, "neu"),
    (d, "எனக்காக ஸ்பெஷலா அசெம்பிள் பண்ணின பைக்கை 30 நாளுக்குள்ள திருப்பி கொடுக்கலாமா?", "D4", F, "neu"),
    (d, "பஞ்சர் ஒட்டறதுக்கு எவ்வளவு ஆகும்? நான் அங்கேயே காத்திருக்கலாமா?", "D6", F, "neu"),
    (d, "ரோட் பைக்குக்கு கார்பன் வீல் செட் ஸ்டாக்ல இருக்கா?", None, F, "neu"),
    (d, "வாட்ஸ்அப்ல மெசேஜ் போட்டு ரெண்டு நாள் ஆச்சு, பதிலே இல்ல. கடையில யாராவது பேசுவீங்களா?", None, T, "neg"),
    (d, "tram la varen, endha stop la irangannum?", "D2", F, "neu"),
    (d, "600 euro road bike ku monthly installment option irukka?", "D9", F, "neu"),
    (d, "unga kitta vaangina cycle super ah odudhu 😍 adhuku GPS tracker fit panni tharuveengala?", None, F, "pos"),
    (d, "mechanic anna kitta pesanum, brake la sound varudhu, konjam call pannunga", None, T, "neu"),
]

# ---------------------------------------------------------------- te
TE = [
    (a, "ఎక్స్‌ప్రెస్ డెలివరీ పుయెబ్లాకి కూడా లేదా? మీ సర్వీస్ పెద్ద సిటీలకే పరిమితమా? 😒", "A1", F, "neg"),
    (a, "అరోరా ప్లస్ మెంబర్‌షిప్ బ్రెజిల్‌లో సంవత్సరానికి ఎంత?", "A2", F, "neu"),
    (a, "బ్లాక్ ఫ్రైడే లో కొన్న కీబోర్డ్ జనవరి 10న తిరిగి ఇవ్వచ్చా?", "A5", F, "neu"),
    (a, "ఆక్సో లో డబ్బు కట్టడం మర్చిపోయాను, మూడు రోజులు అయింది. ఆర్డర్ ఇంకా ఉందా?", "A8", F, "neu"),
    (a, "అరోరా స్టోర్లలో ఉద్యోగాలు ఖాళీగా ఉన్నాయా?", None, F, "neu"),
    (a, "ఈ చాట్‌బాట్ నా ప్రశ్న అర్థం చేసుకోవట్లేదు, మనిషితో మాట్లాడించండి", None, T, "neg"),
    (a, "దయచేసి మేనేజర్ గారిని లైన్‌లోకి తీసుకురండి, బిల్లింగ్ సమస్య ఉంది", None, T, "neu"),
    (a, "పాత లాప్‌టాప్‌లో డేటా పూర్తిగా తుడిచేసే సర్వీస్ మీ దగ్గర ఉందా?", None, F, "neu"),
    (a, "కొత్త ఫోన్ రెండు రోజుల్లోనే హ్యాంగ్ అవుతోంది, అరోరా నుంచి ఇలాంటిది అస్సలు ఊహించలేదు", None, F, "neg"),
    (a, "dhl delivery ki time slot select cheyyocha? evening matrame intlo untanu", None, F, "neu"),
    (
        a,
        "agent avasaram ledu, cheppandi chalu: installments lo konna tv return chesthe migilina EMIs em avthayi?",
        "A6",
        F,
        "neu",
    ),
    (
        a,
        "mee service chala bagundi 🙌 brazil lo R$ 900 laptop ni 10 parcelas sem juros lo teeskovacha?",
        "A9",
        F,
        "pos",
    ),
    (a, "pre-order chesina game release ki mundu cancel cheyyocha?", "A13", F, "neu"),
    (a, "trade-in quote 20 days mundu teeskunna, ippudu expire ayyinda?? evaru cheppaledu", "A15", F, "neg"),
    (a, "warranty repair ki 30 rojulaa?? intha late aa? evarina senior tho matladali", "A7", T, "neg"),
    (a, "hello evaraina unnara? urgent ga order address marchali", None, T, "neu"),
    (a, "aurora app lo mobile recharge or bill payment cheyyocha?", None, F, "neu"),
    (a, "aurora protege claim ki original bill kavala leka photo saripothunda?", None, F, "neu"),
    (s, "నా సూట్‌కేస్ పోయింది, PIR ఫారం నింపాను. మీకు ఎన్ని రోజుల్లో పంపాలి?", "S4", F, "neu"),
    (s, "పిల్లలు తాతయ్యతో వెళ్తున్నారు, తల్లిదండ్రులం మేము వెళ్లట్లేదు. ఏ పత్రాలు కావాలి?", "S5", F, "neu"),
    (s, "ఆఫీసులో 1500 యూరోలు నగదుగా కట్టవచ్చా?", "S6", F, "neu"),
    (s, "సోల్మార్ ఆఫీసులో ఫారెక్స్ కరెన్సీ మార్చుకోవచ్చా?", None, F, "neu"),
    (s, "రెండు సార్లు కాల్ కట్ అయింది, ఎవరైనా నాకు తిరిగి ఫోన్ చేయండి. చాలా విసుగ్గా ఉంది", None, T, "neg"),
    (s, "దుబాయ్ ప్యాకేజీలో డెసర్ట్ సఫారీ కూడా ఉంటుందా?", None, F, "neu"),
    (s, "సోల్మార్ యాప్ మూడు రోజులుగా ఓపెన్ అవ్వట్లేదు, ఇది చాలా చిరాకుగా ఉంది", None, F, "neg"),
    (s, "seguro solmar total 15 days europe trip ki entha? iddariki kavali", "S7", F, "neu"),
    (s, "book chesina 3 rojulaki package rate taggindi, difference ivvara? idi anyayam 😠", "S11", F, "neg"),
    (s, "maa babu ki 17 years, vaadi peru meeda booking cheyyocha?", "S1", F, "neu"),
    (s, "maa kukka 15 kg untundi, cabin lo teeskelloccha leka bodega lo na?", "S8", F, "neu"),
    (s, "last time ravi garu chala baga help chesaru, aayana tho malli matladocha?", None, T, "pos"),
    (s, "maa hotel room lo AC trip mottham pani cheyyaledu, chala disappointing solmar", None, F, "neg"),
    (
        s,
        "flight miss ayyindi rome lo, emergency line 24 hours pani chestunda? evaraina ventane call cheyyandi",
        "S10",
        T,
        "neu",
    ),
    (d, "ఎలక్ట్రిక్ బైక్ అద్దెకి డిపాజిట్ ఎంత? క్యాష్‌గా ఇవ్వచ్చా?", "D7", F, "neu"),
    (d, "రేసులో వాడిన బైక్ ఫ్రేమ్ పగిలింది, వారంటీ వస్తుందా?", "D5", F, "neu"),
    (d, "నా మామూలు సైకిల్‌కి మోటార్ కిట్ పెట్టి ఎలక్ట్రిక్‌గా మార్చుతారా?", None, F, "neu"),
    (d, "వాట్సాప్‌లో కూడా బాట్ ఏనా? మనిషి ఎవరైనా జవాబు ఇవ్వండి", None, T, "neg"),
    (d, "meeru chesina service super 👌 saturday 3 ki shop open untunda?", "D1", F, "pos"),
    (d, "cycling shoes size 44 stock lo unnaya?", None, F, "neu"),
    (d, "bike repair gurinchi workshop lo evarina tho matladali, callback ivvandi", None, T, "neu"),
    (d, "shop phone number entha? nenu direct ga call chestha", "D10", F, "neu"),
]

# ---------------------------------------------------------------- fr
FR = [
    (
        a,
        "bjr, je vis a lyon, est ce que vous pouvez m'envoyer une tablette depuis votre site bresilien ?",
        "A3",
        F,
        "neu",
    ),
    (
        a,
        "mon ordi acheté chez vous a pris la pluie sur la terrasse 😅 la garantie standard couvre ça ?",
        "A7",
        F,
        "neu",
    ),
    (a, "ça fait 3 jours que j'attends une réponse par mail, je veux parler à un responsable", None, T, "neg"),
    (s, "on part au vietnam en famille, vous pouvez faire les e-visas pour nous ? combien ?", "S5", F, "neu"),
    (
        s,
        "super voyage l'an dernier merci !! mon fils est malvoyant, son chien guide peut voyager en cabine sans payer ?",
        "S14",
        F,
        "pos",
    ),
    (s, "est-ce que vos circuits au pérou incluent l'entrée au machu picchu ?", None, F, "neu"),
    (d, "je peux passer pour un petit réglage de dérailleur sans prendre rendez-vous ?", "D6", F, "neu"),
]

# ---------------------------------------------------------------- it
IT = [
    (
        a,
        "ciao, su amazon mexico lo stesso modello costa meno ma è un'offerta lampo... vale il price match?",
        "A12",
        F,
        "neu",
    ),
    (
        a,
        "scrivo dall'italia: il sabato a che ora c'è un operatore umano in chat? vorrei parlare con qualcuno",
        "A16",
        T,
        "neu",
    ),
    (a, "vendete anche droni dji con consegna a cancun?", None, F, "neu"),
    (s, "quanto può pesare al massimo la valigia in stiva nei vostri pacchetti?", "S4", F, "neu"),
    (s, "è la seconda volta che il bot mi risponde a caso, passatemi qualcuno in carne e ossa", None, T, "neg"),
    (s, "ho due coupon, posso usarli tutti e due sulla stessa prenotazione?", "S11", F, "neu"),
    (d, "qual è il vostro indirizzo email? voglio mandarvi le foto della bici", "D10", F, "neu"),
]

# ---------------------------------------------------------------- de
DE = [
    (a, "Paket kam heute an, das Handy startet gar nicht. Was muss ich tun und bis wann?", "A14", F, "neu"),
    (a, "lohnt sich aurora plus? was kostet das pro jahr in mexiko?", "A2", F, "neu"),
    (a, "Zum zweiten Mal die falsche Farbe geliefert. Langsam reicht es mir mit euch.", None, F, "neg"),
    (s, "wenn wir nach der stornierung statt geld einen gutschein nehmen, wie viel ist der wert?", "S3", F, "neu"),
    (s, "Kann mich bitte jemand auf Deutsch oder Englisch zurückrufen? Es geht um unsere Gruppenreise", None, T, "neu"),
    (s, "gibt es bei euch reisen mit deutschsprachiger reiseleitung in mexiko?", None, F, "neu"),
    (d, "Tolle Werkstatt! Kommt man ohne Stufen in den Laden? Mein Vater geht mit Rollator", "D2", F, "pos"),
]

BLOCKS = [("en", EN), ("es", ES), ("pt", PT), ("hi", HI), ("ta", TA), ("te", TE), ("fr", FR), ("it", IT), ("de", DE)]


def words(text):
    return re.findall(r"\w+", text.lower())


def faq_fivegrams():
    grams = set()
    for p in (EVAL_DIR / "aurora-faq.txt", EVAL_DIR / "solmar-faq.txt", DEMO_FAQ):
        if not p.exists():
            print(f"note: {p} not found, five-word check skipped for it", file=sys.stderr)
            continue
        w = words(p.read_text(encoding="utf-8"))
        grams.update(tuple(w[i : i + 5]) for i in range(len(w) - 4))
    return grams


def main():
    problems = []
    grams = faq_fivegrams()
    seen = set()
    for lang, rows in BLOCKS:
        for tenant, text, code, _wh, _sent in rows:
            if code is not None and code[0] != CODE_OF[tenant]:
                problems.append(f"{lang} {text[:40]!r}: section {code} does not belong to {tenant}")
            if not 20 <= len(text) <= 170:
                problems.append(f"{lang} {text[:40]!r}: length {len(text)}")
            if text in seen:
                problems.append(f"duplicate text {text!r}")
            seen.add(text)
            w = words(text)
            shared = [" ".join(w[i : i + 5]) for i in range(len(w) - 4) if tuple(w[i : i + 5]) in grams]
            if shared:
                problems.append(f"{lang} {text[:40]!r}: shares five words with an FAQ: {shared}")
    if problems:
        print("\n".join(problems))
        sys.exit(1)

    counter = Counter()
    out = []
    for lang, rows in BLOCKS:
        for tenant, text, code, wh, sent in rows:
            counter[tenant] += 1
            section = None
            if code is not None:
                n = int(code[1:])
                section = f"{n}. {HEADINGS[code[0]][n - 1]}"
            out.append(
                {
                    "id": f"h6-{tenant}-{counter[tenant]:03d}",
                    "tenant": tenant,
                    "text": text,
                    "language": lang,
                    "answerable": code is not None,
                    "section": section,
                    "wants_human": wh,
                    "sentiment": SENT[sent],
                }
            )
    with open(HERE / "messages.jsonl", "w", encoding="utf-8") as f:
        for m in out:
            f.write(json.dumps(m, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} messages to {HERE / 'messages.jsonl'}")


if __name__ == "__main__":
    main()
