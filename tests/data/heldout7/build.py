#!/usr/bin/env python3
"""Build heldout7/messages.jsonl from the hand-written table below (`python3 tests/data/heldout7/build.py`).

Every row was written by hand, one at a time: (tenant, section code or None, wants_human, sentiment, text).
Tenant: A = aurora, S = solmar, D = demo. Section code: A/S/D + section number, expanded to the exact
FAQ heading string; None means not answerable (section null). Sentiment: pos / neu / neg.
The language code is the block's.

Checks before writing (exit status 1 on any problem):
- each section code belongs to the row's tenant and its heading equals the heading parsed from the FAQ file;
- every text is 20-170 characters long and unique;
- no text shares a run of five consecutive words with any FAQ text (all three FAQs, read from the files;
  lower case, diacritics removed);
- hi/ta/te: each tenant's share is half native script, half Latin letters.

FAQ locations: EVAL_DIR (aurora-faq.txt, solmar-faq.txt; default /work/shared/eval, i.e. ../shared/eval
next to the repo root) and DEMO_FAQ (default deploy/local/sample/demo-faq.md under the repo root).

Use: measurement only - never tune on this set.
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
EVAL_DIR = Path(os.environ.get("EVAL_DIR", REPO.parent / "shared" / "eval"))
DEMO_FAQ = Path(os.environ.get("DEMO_FAQ", REPO / "deploy" / "local" / "sample" / "demo-faq.md"))
PREFIX = "h" + HERE.name.removeprefix("heldout")

TENANT = {"A": "aurora", "S": "solmar", "D": "demo"}
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
SENT = {"pos": "positive", "neu": "neutral", "neg": "negative"}

# ---------------------------------------------------------------- English
EN = [
    # aurora
    (
        "A",
        "A1",
        0,
        "neu",
        "paid for a blender around 4pm friday, im in guadalajara... so it wont leave querétaro till monday right?",
    ),
    ("A", "A2", 0, "neu", "my cart is at 870 pesos 😅 will i get charged for shipping or is it free"),
    ("A", "A5", 0, "neg", "so u guys wont take back a video game just bc i took the plastic off?? thats ridiculous"),
    (
        "A",
        "A7",
        0,
        "neu",
        "my toddler threw my tablet and the screen cracked, its 5 months old. does the normal aurora warranty fix that?",
    ),
    ("A", "A9", 0, "neu", "want to pay my 2,200 peso headphones over 9 months w my banorte card, is that possible?"),
    (
        "A",
        "A12",
        1,
        "neg",
        "third time asking!! does price match work on hot sale stuff or not?? get me a supervisor pls",
    ),
    ("A", "A15", 0, "pos", "love the trade-in thing!! my old xbox still works great, can i swap it for credit?"),
    ("A", "A16", 0, "neu", "what time do actual humans start answering whatsapp on a sunday?"),
    (
        "A",
        "A11",
        0,
        "neu",
        "my brother is gonna grab my order at polanco since im at work, does he need anything from me?",
    ),
    ("A", None, 1, "neg", "r u a bot?? typed the same thing 4 times, i need someone who can actually see my account"),
    (
        "A",
        None,
        1,
        "neu",
        "can someone from aurora ring me back on this number tomorrow morning? its about order 58812",
    ),
    ("A", None, 1, "neu", "id like to speak with whoever runs the coyoacan store, the manager if possible"),
    ("A", None, 1, "neg", "if no real person looks at my refund today im buying from liverpool from now on"),
    ("A", None, 0, "neg", "the delivery guy left my tv box in the rain outside the gate. not happy at all"),
    ("A", None, 0, "neu", "when's the next hot sale? trying to time my laptop purchase"),
    ("A", None, 0, "neu", "does aurora plus also get you a discount on the protege extended warranty?"),
    ("A", None, 0, "neu", "do u sell refurbished iphones or only brand new ones"),
    (
        "A",
        None,
        0,
        "pos",
        "the andares store staff were amazing last week 🙌 do they also set up new laptops for you there?",
    ),
    ("A", None, 0, "neu", "is there parking at the san pedro garza garcia store or should i just take an uber"),
    (
        "A",
        None,
        0,
        "neg",
        "whats the deductible on an aurora protege accidental damage claim? the website says nothing, super annoying",
    ),
    # solmar
    (
        "S",
        "S1",
        0,
        "neu",
        "booked a package to punta cana an hour ago and still no confirmation code, should i be worried?",
    ),
    (
        "S",
        "S3",
        0,
        "neu",
        "we fly to costa rica in 20 days but my wife broke her ankle 😔 how much of the package do we lose if we cancel?",
    ),
    (
        "S",
        "S4",
        0,
        "neu",
        "taking my surfboard to lanzarote, how far ahead do i need to tell you and what does it cost?",
    ),
    (
        "S",
        "S5",
        0,
        "neu",
        "going to new york in december on my spanish passport, is there anything i need to apply for before flying?",
    ),
    (
        "S",
        "S7",
        1,
        "neu",
        "i added the solmar total insurance a week after booking, will it cover me if i cancel? need an actual agent on this asap",
    ),
    ("S", "S10", 0, "neu", "we're in cancun and my wife is sick, whats the emergency number for travellers?"),
    ("S", "S11", 0, "neg", "so i have the 20€ welcome coupon AND a promo code and i can only use one?? what a joke"),
    (
        "S",
        "S14",
        0,
        "pos",
        "you were all so kind to my dad on our last trip 💛 this time he needs wheelchair help at the airport, is there a charge?",
    ),
    ("S", None, 1, "neg", "im so done with these copy paste answers. put me through to a human please"),
    (
        "S",
        None,
        1,
        "neu",
        "hi, is there someone at the madrid office i could talk to directly about my honeymoon booking?",
    ),
    (
        "S",
        None,
        1,
        "neu",
        "hotel in cartagena says they have no record of our booking and we're standing at reception, i need a person to call them",
    ),
    (
        "S",
        None,
        0,
        "neg",
        "third email to your help address and still nothing back. really disappointed in solmar this time",
    ),
    ("S", None, 0, "neu", "on your cruises is the wifi on board included or do we pay for it separately?"),
    ("S", None, 0, "neu", "how many club solmar points do i get for referring a friend?"),
    ("S", None, 0, "neu", "does the solmar total insurance cover scuba diving accidents?"),
    ("S", None, 0, "neg", "whats the address of your office in santiago? your website is useless for this"),
    ("S", None, 0, "neu", "can you book airport transfers for us in lisbon or do we sort that ourselves"),
    (
        "S",
        None,
        0,
        "pos",
        "best holiday ever last summer thanks to you guys 🥳 do you do honeymoon packages to the maldives?",
    ),
    # demo
    ("D", "D1", 0, "neu", "can i drop my bike off for a repair at 6pm on a wednesday or is that too late?"),
    ("D", "D4", 0, "neg", "rode my new gravel bike twice on trails and i hate it. can i return it?? 😤"),
    ("D", "D7", 0, "neu", "my 15 yo wants to rent an e-bike by himself for the weekend, is he allowed?"),
    ("D", "D9", 0, "neu", "thinking about a 420 eur city bike, can i split it into monthly payments?"),
    ("D", "D10", 1, "neu", "whats the shop phone number? i want to talk to the mechanic himself about my brakes"),
    ("D", None, 1, "neg", "no offence but i want a human, your bot answers make zero sense"),
    ("D", None, 1, "neu", "could the owner give me a quick call? its about a big order for our office"),
    ("D", None, 0, "neu", "do you do proper bike fitting for road bikes?"),
    ("D", None, 0, "neu", "roughly how much is it to replace a chain on a city bike?"),
    ("D", None, 0, "neu", "i dont need an agent, just tell me if you sell child seats for bikes"),
]

# ---------------------------------------------------------------- Spanish
ES = [
    # aurora
    (
        "A",
        "A3",
        0,
        "neu",
        "mi hermana vive en cordoba argentina, le puedo mandar unos audifonos desde la pagina de mexico?",
    ),
    ("A", "A4", 0, "neu", "mi pedido dice enviado desde hace 6 dias habiles y no se mueve nada, q hago?"),
    ("A", "A6", 0, "neu", "pague con mercado pago y ya devolvi el producto, en cuantos dias me cae el dinero?"),
    ("A", "A8", 0, "neu", "oigan aceptan bitcoin o ethereum? tengo saldo y quiero usarlo para una laptop"),
    ("A", "A10", 0, "neu", "compre en marzo y se me olvido pedir factura, ya estamos en mayo, todavia la puedo sacar?"),
    (
        "A",
        "A13",
        0,
        "neg",
        "quise cancelar a las 3 horas de pagar y ya no me deja, ya dice enviado. y ahora que hago?? 😡",
    ),
    (
        "A",
        "A14",
        1,
        "neu",
        "me llego un cargador que no es el que pedi, me lo recogen en casa o tengo que llevarlo? mejor que me llame alguien",
    ),
    (
        "A",
        "A5",
        0,
        "pos",
        "me encanto el servicio!! oigan si quiero devolver una impresora, la puedo dejar en la tienda de coyoacan?",
    ),
    ("A", "A1", 0, "neu", "vivo en la paz bcs, mas o menos cuanto tarda un envio normal hasta aca?"),
    ("A", None, 1, "neg", "ya me canse de hablar con una maquina, pasame con alguien de carne y hueso porfa"),
    ("A", None, 1, "neu", "quisiera hablar con la señorita karla que me atendio la otra vez, esta disponible?"),
    ("A", None, 1, "neg", "o me atiende un supervisor hoy o cancelo todo y me voy a coppel"),
    ("A", None, 1, "neu", "necesito que alguien revise mi cuenta, me salen dos cargos por el mismo pedido"),
    ("A", None, 0, "neg", "tercera vez que me llega la caja abollada. pesimo como trata estafeta sus paquetes"),
    ("A", None, 0, "neu", "la garantia aurora protege sirve si me roban el celular?"),
    ("A", None, 0, "neu", "cuando abren tienda en puebla? me queda lejisimos la de cdmx"),
    ("A", None, 0, "neu", "instalan minisplits? quiero comprar uno pero no se quien me lo instale"),
    ("A", None, 0, "neu", "la membresia aurora plus se puede compartir con mi esposo o es una por cuenta?"),
    ("A", None, 0, "neu", "tienen algun programa de puntos o descuentos para clientes frecuentes?"),
    ("A", None, 0, "neu", "no ocupo agente, nomas diganme si venden consolas nintendo switch"),
    # solmar
    ("S", "S2", 0, "neu", "reserve paquete a cusco para el 10 de agosto, lo puedo mover al 24? hoy es 20 de julio"),
    (
        "S",
        "S3",
        0,
        "neg",
        "ustedes cancelaron mi viaje a la habana y me ofrecen un bono?? yo quiero mi dinero, me toca todo?",
    ),
    ("S", "S6", 0, "neu", "puedo pagar con bizum los 1.200 € del viaje o es mucho?"),
    ("S", "S8", 0, "neu", "mi perrita salchicha pesa 6,5 kg y su mochila transportadora 2, puede ir conmigo arriba?"),
    ("S", "S10", 0, "neu", "a que hora cierra el whatsapp de ustedes? les escribo desde bogota"),
    (
        "S",
        "S12",
        0,
        "neu",
        "necesito la factura a nombre de mi empresa pero ya pague hace una semana, se puede todavia?",
    ),
    (
        "S",
        "S13",
        1,
        "neu",
        "somos 24 del equipo de futbol, cuantas plazas gratis nos tocan? y me gustaria que me llame un asesor",
    ),
    ("S", "S4", 0, "neu", "de madrid a miami puedo llevar una segunda maleta? cuanto sale mas o menos"),
    ("S", None, 1, "neg", "hablo con un robot verdad? porque nadie entiende lo que pregunto"),
    ("S", None, 1, "neu", "me pueden pasar con el gerente de la oficina de monterrey? es por un viaje de empresa"),
    ("S", None, 1, "neg", "llevo 40 min en este chat. quiero que alguien de verdad revise mi reserva, ya!!"),
    ("S", None, 0, "neg", "el hotel de punta cana no se parecia en nada a las fotos. decepcionadisima con solmar"),
    ("S", None, 0, "neu", "tienen paquetes de esqui en bariloche para julio?"),
    ("S", None, 0, "neu", "los puntos del club solmar sirven para pagar el seguro solmar total?"),
    ("S", None, 0, "neu", "venden entradas para disney en orlando o solo el hotel?"),
    ("S", None, 0, "neg", "por que el precio del paquete sube cada vez que recargo la pagina?? no es serio"),
    ("S", None, 0, "neu", "en los cruceros pueden ir bebes menores de 2 años?"),
    (
        "S",
        None,
        0,
        "pos",
        "gracias a lucia de la oficina de sevilla todo salio perfecto 😍 tienen algo para ir a japon en primavera?",
    ),
    # demo
    ("D", "D2", 0, "pos", "hola!! me encanta su tienda 🚲 hay lugar para estacionar el coche enfrente?"),
    (
        "D",
        "D3",
        0,
        "neg",
        "estoy viviendo fuera del pais por trabajo, de verdad no me pueden mandar unas pastillas de freno? 😒",
    ),
    ("D", "D5", 0, "neu", "me cai con la bici de ruta y se doblo la horquilla, eso entra en la garantia?"),
    (
        "D",
        "D6",
        1,
        "pos",
        "el mecanico me dejo la bici perfecta la otra vez!! cuanto sale el servicio completo? y si puede que me llame el",
    ),
    ("D", "D8", 0, "neu", "me pagan en efectivo si les vendo mi bici vieja de montaña?"),
    ("D", None, 1, "neu", "me urge hablar con alguien del taller por telefono, me pueden llamar?"),
    ("D", None, 1, "neg", "no entiendo nada de lo que responde este bot, hay alguien ahi?"),
    ("D", None, 0, "neu", "dan clases para aprender a andar en bici? es para un adulto"),
    ("D", None, 0, "neg", "la bici que me trajeron en la furgoneta llego con un rayon enorme en el cuadro. muy mal"),
    ("D", None, 0, "neu", "tienen cascos para niños de 3 años?"),
]

# ---------------------------------------------------------------- Portuguese
PT = [
    # aurora
    ("A", "A2", 0, "neu", "minha compra deu R$ 265, vou pagar frete ou ja sai gratis?"),
    ("A", "A3", 0, "neu", "posso comprar no site do brasil e mandar entregar na casa da minha tia em cancun?"),
    (
        "A",
        "A6",
        0,
        "pos",
        "adorei o atendimento de vcs 😍 devolvi um fone que paguei no pix, em quanto tempo o dinheiro volta?",
    ),
    ("A", "A9", 0, "neg", "pq nao da pra parcelar no cartao de debito?? que absurdo, queria dividir o notebook"),
    ("A", "A10", 0, "neu", "quando eu recebo a nota fiscal do meu pedido? preciso pro reembolso da empresa"),
    ("A", "A11", 0, "neu", "minha esposa pode retirar meu pedido na loja de pinheiros? eu viajo amanha"),
    (
        "A",
        "A12",
        1,
        "neg",
        "achei a mesma tv mais barata na black friday da magazine luiza, vcs cobrem? quero falar com um supervisor, ja to cansado",
    ),
    ("A", "A15", 0, "neu", "fiz a cotacao do troca do meu ipad faz 20 dias, ainda vale?"),
    ("A", "A8", 0, "neu", "to entre pagar no cartao ou no pix uma geladeira de R$ 4.000, qual sai mais em conta?"),
    ("A", None, 1, "neg", "ce e robo ne? so responde coisa nada a ver. chama alguem de verdade pfv"),
    ("A", None, 1, "neu", "oi, alguem da equipe pode me ligar? prefiro resolver isso por telefone"),
    ("A", None, 1, "neg", "se ninguem de carne e osso olhar meu pedido hoje eu vou direto no procon"),
    ("A", None, 1, "neu", "queria a ajuda de um especialista em notebook pra escolher o modelo, tem alguem ai?"),
    ("A", None, 0, "neg", "o entregador da loggi jogou minha caixa por cima do portao. inacreditavel"),
    ("A", None, 0, "neu", "quando vai ser a proxima black friday de vcs? vale a pena esperar?"),
    ("A", None, 0, "neu", "se eu vender o celular, da pra passar o aurora protege pro novo dono?"),
    ("A", None, 0, "neu", "a loja da barra da tijuca tem assistencia tecnica la dentro?"),
    (
        "A",
        None,
        0,
        "pos",
        "melhor loja online que ja comprei 👏👏 vcs tem programa de indicacao? tipo ganho algo se indicar amigo",
    ),
    ("A", None, 0, "neu", "nao preciso de atendente, so quero saber se o credito da loja vale no app tambem"),
    ("A", None, 0, "neu", "vcs tem versao do app pra ipad?"),
    # solmar
    (
        "S",
        "S1",
        0,
        "neu",
        "quero reservar um pacote pra portugal, a viagem e daqui 4 meses. preciso pagar tudo agora ou da pra dar uma entrada?",
    ),
    ("S", "S2", 0, "neu", "escrevi o nome da minha mae errado, troquei duas letras, tem custo pra corrigir?"),
    ("S", "S5", 0, "neu", "vamos pro egito em marco, vcs conseguem tirar o visto pra gente? quanto custa?"),
    (
        "S",
        "S7",
        0,
        "neg",
        "fiquei doente e tive que cancelar, mas so tinha o seguro que vem no pacote. nao cobre nada disso??",
    ),
    ("S", "S8", 0, "neu", "meu buldogue frances pesa 12 kg, ele pode ir no porao do aviao?"),
    ("S", "S11", 0, "pos", "amo o clube solmar!! juntei 3.000 pontos, quanto isso vale de desconto?"),
    (
        "S",
        "S14",
        1,
        "neu",
        "minha filha usa cadeira de rodas eletrica, com quanto tempo de antecedencia tenho que avisar? queria falar com uma pessoa sobre isso",
    ),
    ("S", "S6", 0, "neu", "to em buenos aires, em quantas vezes sem juros posso pagar o pacote?"),
    ("S", None, 1, "neg", "pela quarta vez: quero falar com um atendente humano. ta dificil"),
    ("S", None, 1, "neu", "pode pedir pra alguem me ligar? e sobre minha lua de mel e prefiro falar por voz"),
    ("S", None, 1, "neg", "essa reserva precisa de alguem que consiga ver o sistema de vcs, o bot nao resolve nada"),
    ("S", None, 0, "neg", "o voo atrasou 3 horas e ninguem da solmar apareceu no aeroporto. decepcionante"),
    ("S", None, 0, "neu", "vcs vendem chip de celular internacional pra viagem?"),
    ("S", None, 0, "neu", "os pontos do clube solmar valem pra reservas feitas na agencia de bogota tambem?"),
    ("S", None, 0, "neu", "o cruzeiro pelo caribe sai de qual porto?"),
    ("S", None, 0, "neu", "o seguro solmar total cobre gestante? to de 5 meses"),
    ("S", None, 0, "neg", "por que o site de vcs nao aceita meu cartao brasileiro?? ja tentei 5 vezes"),
    ("S", None, 0, "neu", "qual hotel de vcs em cartagena fica mais perto da praia?"),
    # demo
    ("D", "D1", 0, "neu", "vcs abrem no feriado? queria buscar minha bike"),
    ("D", "D3", 0, "neu", "comprei uma camara de ar e um selim no site, chega em quantos dias?"),
    ("D", "D6", 0, "neu", "comprei a bike com vcs faz 2 meses, a primeira revisao e de graca?"),
    ("D", "D7", 0, "neu", "quanto fica alugar 2 bikes normais de cidade por 3 dias?"),
    ("D", "D10", 1, "neg", "ja mandei 3 mensagens. qual o email de vcs? quero escrever direto pra uma pessoa"),
    ("D", None, 1, "neu", "o dono da loja ta ai? queria conversar com ele sobre uma bike sob medida"),
    ("D", None, 1, "neg", "resposta automatica de novo?? chama o mecanico pra falar comigo"),
    ("D", None, 0, "neu", "vcs fazem pintura personalizada no quadro?"),
    ("D", None, 0, "neu", "da pra alugar bike com cadeirinha de crianca?"),
    ("D", None, 0, "pos", "a menina que me atendeu semana passada foi um amor!! vcs tem bermuda de ciclismo feminina?"),
]

# ---------------------------------------------------------------- Hindi (Devanagari, then Hinglish), per tenant
HI = [
    # aurora - Devanagari
    ("A", "A1", 0, "neu", "मैंने शनिवार को ऑर्डर का पेमेंट किया, Monterrey में रहता हूँ, normal delivery में लगभग कितने दिन लगेंगे?"),
    ("A", "A4", 0, "neu", "tracking नंबर मिल गया पर DHL की साइट पर कुछ नहीं दिख रहा, 5 घंटे हो गए, क्या ये normal है?"),
    ("A", "A7", 0, "neu", "फ़ोन पर चाय गिर गई और अब चालू नहीं हो रहा 😩 क्या Aurora की warranty में ठीक हो जाएगा?"),
    ("A", "A13", 0, "neu", "एक ही ऑर्डर में दो चीज़ें थीं, मुझे सिर्फ़ mouse हटाना है, बाकी रखना है, हो सकता है?"),
    ("A", "A16", 0, "neu", "रविवार शाम 7 बजे chat पर कोई इंसान मिलेगा या सिर्फ़ bot जवाब देगा?"),
    ("A", None, 1, "neg", "बार-बार वही जवाब आ रहा है, किसी असली आदमी से बात करवाओ"),
    ("A", None, 1, "neu", "क्या कोई मुझे कॉल कर सकता है? मेरा refund कई दिन से अटका हुआ है"),
    ("A", None, 0, "neg", "लैपटॉप के साथ charger ही नहीं आया, Aurora से बहुत निराश हूँ"),
    ("A", None, 0, "neu", "Aurora Plus लेने पर store में खरीदारी पर कोई extra discount मिलता है क्या?"),
    ("A", None, 0, "neu", "Polanco वाली दुकान में iPhone 16 अभी stock में है?"),
    # aurora - Hinglish
    (
        "A",
        "A5",
        0,
        "neu",
        "maine galti se printer ka galat ink cartridge order kar diya, seal bhi nahi khola, return ho jayega?",
    ),
    (
        "A",
        "A8",
        1,
        "neu",
        "boleto kal subah banaya tha, aaj pay karu to order chalega? koi banda mera order check kar sakta hai kya",
    ),
    (
        "A",
        "A14",
        0,
        "neg",
        "delivery ke 4 din baad dekha ki speaker toota hua hai 😤 ab bhi report kar sakta hu ya nahi??",
    ),
    ("A", "A3", 0, "pos", "aapki service ekdum mast hai 👌 bas ek sawal, US me mere bhai ko gift bhej sakte ho kya?"),
    ("A", None, 1, "neg", "ye chatbot kuch samajhta hi nahi 🙄 apne manager se baat karao"),
    ("A", None, 1, "neu", "kal Rahul naam ke agent ne meri help ki thi, unhi se connect kar do please"),
    ("A", None, 0, "neu", "kya Aurora office ke liye bulk order pe discount deta hai? 15 laptop chahiye"),
    ("A", None, 0, "neu", "mujhe agent nahi chahiye, bas batao Andares store me laptop repair hota hai kya"),
    ("A", None, 0, "neu", "kya Estafeta wale parcel building ke guard ko de sakte hain? main din me ghar pe nahi hota"),
    ("A", None, 0, "neu", "is baar Hot Sale me kaunse phones pe offer aayega, kuch idea hai?"),
    # solmar - Devanagari
    ("S", "S3", 0, "neu", "हमारी ट्रिप 60 दिन बाद है, अगर अभी package cancel करें तो कितना पैसा कटेगा?"),
    ("S", "S4", 0, "neu", "एक extra सूटकेस अभी booking में जोड़ूँ या airport पर? कहाँ सस्ता पड़ेगा?"),
    ("S", "S5", 0, "neu", "मेरा passport 4 महीने में expire हो रहा है, अगले हफ़्ते Bangkok जाना है, चलेगा?"),
    ("S", "S9", 0, "neu", "check-in वाला reminder email कब आता है? मेरी flight परसों सुबह है"),
    ("S", "S12", 0, "neu", "invoice में IVA अलग से क्यों नहीं दिखा? company के लिए चाहिए था"),
    ("S", None, 1, "neg", "तीन बार लिख चुका हूँ, वहाँ कोई इंसान है भी या नहीं?"),
    ("S", None, 1, "neu", "कृपया Solmar के किसी senior से बात करवा दीजिए, मामला थोड़ा पेचीदा है"),
    ("S", None, 0, "neu", "क्या Solmar दुबई के लिए कोई package देता है?"),
    ("S", None, 0, "neu", "cruise पर बीमार पड़ गए तो जहाज़ पर डॉक्टर मिलता है क्या?"),
    # solmar - Hinglish
    ("S", "S10", 0, "neu", "Solmar ka Mexico wala phone number kya hai aur kitne baje tak khula rehta hai?"),
    (
        "S",
        "S13",
        1,
        "pos",
        "pichli baar shaadi ka arrangement zabardast tha 🙏 is baar hum 12 log hai, group wala rate milega? kisi coordinator se baat karni hai",
    ),
    (
        "S",
        "S2",
        0,
        "neg",
        "Basic ticket liya tha Lisbon ka, ab date badalni hai aur bol rahe ho nahi hoga?? ye kya baat hui",
    ),
    ("S", None, 1, "neg", "bot se baat karke time waste ho raha hai, asli agent do"),
    ("S", None, 0, "neg", "hotel ka room bilkul ganda tha aur photo me kuch aur dikhaya tha. bahut bekaar experience"),
    ("S", None, 0, "neu", "Seguro Solmar Total ke claim ka paisa kitne din me milta hai?"),
    ("S", None, 0, "neu", "Cancun wale package me breakfast included hota hai kya?"),
    ("S", None, 0, "neg", "app me meri booking dikhti hi nahi 😒 ye kab tak fix karoge?"),
    (
        "S",
        None,
        0,
        "pos",
        "Solmar ke saath pehli trip thi aur maza aa gaya 😍 kya aap honeymoon ke liye koi surprise arrange karte ho?",
    ),
    # demo - Devanagari
    ("D", "D2", 0, "neu", "आपकी दुकान तक tram से कैसे पहुँचें? कौन से stop पर उतरना है?"),
    ("D", "D4", 0, "neg", "हेलमेट एक बार पहना और size छोटा निकला, अब लौटाने से मना कर रहे हो?? अजीब है"),
    ("D", "D8", 0, "neu", "बेटे की छोटी साइकिल देकर अपने लिए नई bike लेना चाहता हूँ, ऐसा हो जाएगा?"),
    ("D", None, 1, "neu", "workshop के mechanic से सीधे बात हो सकती है? फ़ोन पर ही ठीक से समझा पाऊँगा"),
    ("D", None, 0, "neu", "क्या आप चोरी से बचाने के लिए bike में GPS tracker लगाते हो?"),
    # demo - Hinglish
    (
        "D",
        "D5",
        0,
        "neu",
        "meri e-bike 1 saal purani hai, race ke dauran gir gayi aur motor kharab ho gayi... warranty milegi?",
    ),
    ("D", "D9", 1, "neg", "kitni baar puchu, gift card kam se kam kitne ka milta hai?? kisi staff wale ko bulao"),
    ("D", None, 1, "neg", "bhai ye automatic reply band karo, dukaan ka koi banda khud reply kare"),
    ("D", None, 0, "neu", "Portside me weekend ke liye koi achha cycling route batao"),
    (
        "D",
        None,
        0,
        "pos",
        "aapke shop wale uncle ne pichli baar bahut acche se samjhaya tha 😊 kya aap bike pe custom sticker lagate ho?",
    ),
]

# ---------------------------------------------------------------- Tamil (Tamil script, then Tanglish), per tenant
TA = [
    # aurora - Tamil script
    ("A", "A2", 0, "neu", "65 inch TV வாங்கப் போறேன், express-ல அனுப்ப முடியுமா? extra எவ்வளவு ஆகும்?"),
    ("A", "A6", 0, "neu", "refund-க்கு பதிலா store credit எடுத்துக்கிட்டா ஏதாவது extra கிடைக்குமா?"),
    ("A", "A7", 0, "neu", "MXN 8,000 phone-க்கு 24 மாசம் extra Aurora Protege எடுத்தா எவ்வளவு ஆகும்?"),
    ("A", "A9", 0, "neu", "HSBC card-ல 12 மாசம் வட்டியில்லா EMI போட முடியுமா? total 2,500 peso தான்"),
    ("A", "A11", 0, "neu", "Pinheiros store-ல pickup தேர்வு பண்ணா, stock-ல இருக்கற item எவ்வளவு நேரத்துல ready ஆகும்?"),
    ("A", None, 1, "neg", "இந்த bot-க்கு ஒண்ணுமே புரியல, ஒரு உண்மையான ஆளை பேச சொல்லுங்க"),
    ("A", None, 1, "neu", "என் order பத்தி யாராவது எனக்கு phone பண்ண முடியுமா? நாளைக்கு காலையில free-ஆ இருப்பேன்"),
    ("A", None, 0, "neg", "மூணாவது தடவையா delivery miss ஆச்சு, courier ஆளு வரவே இல்ல. ரொம்ப மோசம்"),
    ("A", None, 0, "neu", "Aurora-வில gaming laptop-க்கு student discount இருக்கா?"),
    ("A", None, 0, "neu", "இந்த வருஷம் Buen Fin எப்போ ஆரம்பிக்குது?"),
    # aurora - Tanglish
    ("A", "A10", 0, "neu", "store-la vaangina headphones-ku CFDI venum, online-la request panna mudiyuma?"),
    (
        "A",
        "A12",
        0,
        "pos",
        "unga price match super idea 👍 aana indha maasam already 3 thadava use pannitten, innum oru thadava mudiyuma?",
    ),
    ("A", "A15", 0, "neu", "en pazhaya laptop on aagave maatenguthu, adha trade-in-la kudukkalama?"),
    (
        "A",
        "A13",
        1,
        "neg",
        "pre-order panna phone-a release-ku munnadi cancel panna mudiyuma? romba delay panreenga, oru manager kitta pesanum",
    ),
    ("A", None, 1, "neg", "neenga robot thaane? real aal kitta pesanum, ippave"),
    ("A", None, 0, "neu", "Coyoacan store-oda direct phone number enna? pickup pathi kekkanum"),
    ("A", None, 1, "neg", "yaaravadhu en account-a correct-a check pannunga, illana naan Liverpool-ke poiduven"),
    ("A", None, 0, "neu", "agent ellam vendaam, Aurora app-la dark mode irukka nu mattum sollunga"),
    ("A", None, 0, "neu", "Aurora Plus member-na gift wrap free-a pannuveengala?"),
    ("A", None, 0, "neu", "aurora-la loyalty points system edhavadhu irukka?"),
    # solmar - Tamil script
    ("S", "S1", 0, "neu", "flight ticket இன்னும் issue ஆகல, அதுக்குள்ள விலை மாற வாய்ப்பு இருக்கா?"),
    ("S", "S6", 0, "neu", "Spain-ல 2,000 € package-ஐ 3 மாசத்துல வட்டி இல்லாம கட்ட முடியுமா?"),
    ("S", "S7", 0, "neu", "flight 7 மணி நேரம் late ஆச்சு, Seguro Solmar Total எடுத்திருக்கேன், ஏதாவது பணம் கிடைக்குமா?"),
    ("S", "S8", 0, "neu", "என் நாய்க்கு rabies ஊசி 10 நாள் முன்னாடி தான் போட்டோம், அடுத்த வாரம் flight-ல கூட்டிட்டு போகலாமா?"),
    (
        "S",
        "S14",
        0,
        "pos",
        "உங்க website பார்வையில்லாத என் அப்பாவுக்கு ரொம்ப easy-ஆ இருந்துச்சு 🙏 guide dog-ஐ cabin-ல கூட்டிட்டு போக காசு உண்டா?",
    ),
    ("S", None, 1, "neg", "ஒரே பதிலை திரும்பத் திரும்ப அனுப்புறீங்க, ஒரு supervisor-ஐ கூப்பிடுங்க"),
    ("S", None, 1, "neu", "Bogota office-ல இருக்கற யாராவது என்னை தொடர்பு கொள்ள முடியுமா? visa விஷயம்"),
    ("S", None, 0, "neg", "hotel-ல pool மூடி இருந்துச்சு, யாரும் முன்னாடியே சொல்லல. ரொம்ப ஏமாற்றம்"),
    ("S", None, 0, "neu", "Solmar cruise-ல vegetarian சாப்பாடு கிடைக்குமா?"),
    # solmar - Tanglish
    ("S", "S11", 0, "neg", "booking mudinjappuram coupon code add panna mudiyaathaa?? first-e sollirukkalaam"),
    (
        "S",
        "S3",
        1,
        "neu",
        "cancel panna Solmar bono eduththa adhu evlo naal valid? oru agent kitta pesi decide pannanum",
    ),
    ("S", "S9", 0, "neu", "low cost flight-la airport counter-la check-in panna extra kaasu aaguma?"),
    ("S", None, 1, "neg", "enna bot da idhu 😤 oru human agent-a connect pannunga"),
    ("S", None, 0, "neu", "Solmar-la Bali package edhavadhu irukka?"),
    ("S", None, 0, "neu", "Solmar cruise-la kuzhandhaigalukku kids club irukka?"),
    ("S", None, 0, "neu", "Solmar Chile office-oda phone number enna?"),
    ("S", None, 0, "neg", "rendu vaaram aachu, refund pathi yaarume oru reply kooda pannala. romba mosam"),
    (
        "S",
        None,
        0,
        "pos",
        "poana thadava Meena madam semma help panninaanga 😊 Solmar-la Kerala houseboat package irukka?",
    ),
    # demo - Tamil script
    ("D", "D1", 0, "neu", "சனிக்கிழமை மாலை 4:30க்கு கடைக்கு வந்து bike வாங்க முடியுமா?"),
    ("D", "D3", 0, "neu", "140 EUR-க்கு parts order பண்ணா delivery charge உண்டா?"),
    ("D", "D6", 0, "neu", "tyre puncture-க்கு appointment வேணுமா, இல்ல நேரா வந்துடலாமா?"),
    ("D", None, 1, "neu", "கடை owner என்னை call பண்ண முடியுமா? ஒரு business deal பத்தி பேசணும்"),
    ("D", None, 0, "neu", "Shimano Di2 groupset உங்க கடையில stock-ல இருக்கா?"),
    # demo - Tanglish
    ("D", "D2", 0, "pos", "unga shop vibe semma 🔥 wheelchair-la irukkura en friend kooda varalaama, steps irukka?"),
    ("D", "D7", 1, "neg", "rental e-bike-ku deposit evlo? ethana thadava kekkuradhu, oru staff-a pesa sollunga"),
    ("D", None, 1, "neg", "automated msg podhum, yaaravadhu real-a reply pannunga pls"),
    ("D", None, 0, "neu", "e-bike test ride panna munnadiye booking pannanuma?"),
    ("D", None, 0, "neu", "weekend-la Portside-la edhavadhu cycling event nadakkudha?"),
]

# ---------------------------------------------------------------- Telugu (Telugu script, then Tenglish), per tenant
TE = [
    # aurora - Telugu script
    ("A", "A3", 0, "neu", "నా ఇంటి address బదులు P.O. box కి పంపించగలరా?"),
    ("A", "A4", 0, "neu", "courier మూడు సార్లు వచ్చినప్పుడు నేను ఇంట్లో లేకపోతే తర్వాత ఏమవుతుంది?"),
    ("A", "A5", 0, "neu", "Brazil లో కొన్న smartwatch 5 రోజుల్లోనే నచ్చలేదు, తిరిగి ఇస్తే shipping charge కూడా వస్తుందా?"),
    ("A", "A8", 0, "neu", "ఒక order ని మూడు cards మీద split చేసి కట్టొచ్చా?"),
    ("A", "A14", 0, "neg", "box ఓపెన్ చేస్తే వేరే phone model వచ్చింది 😡 complaint కోసం ఏ ఫోటోలు పంపాలి?"),
    ("A", None, 1, "neg", "మీరు నిజంగా మనిషేనా? ఇప్పటికి నాలుగు సార్లు అదే అడిగాను"),
    ("A", None, 1, "neu", "దయచేసి ఎవరైనా నాకు ఫోన్ చేయండి, order లో address తప్పుగా పడింది"),
    ("A", None, 0, "neu", "store లో కొత్త iPhone కి screen guard వేసి ఇస్తారా?"),
    ("A", None, 0, "neu", "Aurora Protege claim చేస్తే replacement phone అదే color లో ఇస్తారా?"),
    ("A", None, 0, "neg", "refund కోసం రెండు వారాలుగా ఎదురు చూస్తున్నా, ఇది అస్సలు బాగాలేదు"),
    # aurora - Tenglish
    ("A", "A16", 0, "neu", "naaku Aurora Plus ledu, phone lo support dorukutunda leda?"),
    ("A", "A1", 1, "neu", "Chiapas ki delivery ki entha time padutundi? evaraina call chesi cheppandi please"),
    ("A", "A15", 0, "pos", "trade-in concept chala bagundi 👏 vachina credit entha kaalam valid untundi?"),
    ("A", "A7", 0, "neu", "laptop battery 11 months lone weak ayipoyindi, warranty lo maarustara?"),
    ("A", None, 1, "neg", "bot tho matladi visugu vachindi, oka supervisor ni pilavandi"),
    ("A", None, 0, "neu", "naa account lo saved cards ela delete cheyyali?"),
    ("A", None, 1, "neg", "real person reply ivvakapothe inka Amazon lone konta, final ga cheptunna"),
    ("A", None, 0, "neu", "human support vaddu, just cheppandi Aurora lo drones ammutara?"),
    ("A", None, 0, "neu", "San Pedro store lo free wifi untunda? akkada wait cheyyali"),
    ("A", None, 0, "neg", "website lo prices roju maaripotunnai 🙄 next sale eppudu?"),
    # solmar - Telugu script
    ("S", "S2", 0, "neu", "Classic fare flight date మార్చాలి, అవుతుందా? ఎంత కట్టాలి?"),
    ("S", "S4", 0, "neu", "Bogota airport లో suitcase రాలేదు, PIR form నింపాను, మీకు ఎన్ని రోజుల్లో copy పంపాలి?"),
    ("S", "S5", 0, "pos", "మీరు ప్లాన్ చేసిన Egypt trip అద్భుతం 🤩 ఈసారి Vietnam కి e-visa మీరే చేసి పెడతారా? ఒక్కొక్కరికి ఎంత?"),
    ("S", "S6", 0, "neu", "departure కి 5 రోజులే ఉంది, bank transfer తో కట్టొచ్చా?"),
    ("S", "S13", 0, "neu", "departure కి ఇంకా నెల రోజులు ఉంది, మా group లో ఒకరి పేరు మార్చాలి, ఖర్చు ఉంటుందా?"),
    ("S", None, 1, "neg", "ఈ automatic సమాధానాలు చాలు, ఒక మనిషితో మాట్లాడించండి"),
    ("S", None, 1, "neu", "Madrid office లో Carlos గారితో మాట్లాడాలి, connect చేయగలరా?"),
    ("S", None, 0, "neu", "Solmar cruise లో Telugu భోజనం దొరుకుతుందా?"),
    ("S", None, 0, "neg", "మీ app లో booking cancel button ఎక్కడ ఉంది? అసలు కనిపించట్లేదు 😤"),
    # solmar - Tenglish
    ("S", "S10", 0, "neu", "Spain phone line Saturday sayantram 5 ki open untunda?"),
    (
        "S",
        "S12",
        1,
        "neu",
        "invoice lo spelling mistake undi, 2 months aindi, correct chestara? evaraina staff tho matladali",
    ),
    ("S", "S8", 0, "pos", "mee service super 😍 maa cat ni hotel ki teeskellithe per night extra entha?"),
    ("S", None, 1, "neg", "chat lo ento cheppina ardham kavatledu, manager ni line loki teesukuraandi"),
    ("S", None, 0, "neg", "flight delay ayyi connection miss ayyam, Solmar nundi oka call kuda raledu. worst"),
    ("S", None, 0, "neu", "Dubai package lo desert safari include aa?"),
    ("S", None, 0, "neu", "Club Solmar lo birthday bonus points emaina untaya?"),
    ("S", None, 0, "neu", "Guadalajara lo Solmar office address cheppandi"),
    ("S", None, 0, "neu", "evaru vaddu, just cheppandi: Solmar lo student discount untunda?"),
    # demo - Telugu script
    ("D", "D4", 0, "neu", "తప్పుగా ఆర్డర్ చేసిన gloves తిరిగి పంపితే shipping ఖర్చు నేనే కట్టాలా?"),
    ("D", "D5", 0, "neu", "second-hand గా కొన్న bike frame crack అయింది, lifetime warranty నాకు వర్తిస్తుందా?"),
    ("D", "D8", 0, "pos", "మీ షాప్ చాలా నచ్చింది 😊 పాత road bike ఇచ్చి కొత్త e-bike తీసుకోవచ్చా?"),
    ("D", None, 1, "neg", "మూడు రోజులుగా ఎదురుచూస్తున్నా, నా bike గురించి షాప్ లో ఎవరైనా నాతో మాట్లాడండి"),
    ("D", None, 0, "neu", "పిల్లల కోసం balance bike మీ దగ్గర దొరుకుతుందా?"),
    # demo - Tenglish
    ("D", "D9", 0, "neu", "650 EUR gravel bike ni 6 months EMI lo teesukovacha? naa daggara debit card matrame undi"),
    ("D", "D10", 1, "neu", "urgent ga workshop lo evaraina tho matladali, call cheyyala leka whatsapp aa?"),
    ("D", None, 1, "neu", "shop owner garu free ga unte naaku okka call ivvagalara?"),
    ("D", None, 0, "neu", "mee shop lo bike lockers rent ki untaya?"),
    ("D", None, 0, "neg", "last time service ki 5 days pattindi 😒 ippudu emaina express service undaa?"),
]

# ---------------------------------------------------------------- French
FR = [
    ("A", "A9", 0, "neu", "je suis au bresil, je peux payer en 12 fois sans frais avec ma carte de credit?"),
    ("A", "A11", 0, "pos", "super accueil a la boutique de polanco 😍 elle ouvre a quelle heure le dimanche?"),
    ("A", None, 1, "neg", "ca fait une heure que je parle a un robot, je veux un vrai conseiller svp"),
    (
        "S",
        "S5",
        0,
        "neu",
        "je suis espagnole, pour aller a rome il me faut un passeport ou ma carte d'identite suffit?",
    ),
    ("S", "S9", 0, "neu", "mon code de reservation solmar marche pas pour l'enregistrement en ligne, c'est normal?"),
    ("S", None, 0, "neu", "vous organisez des croisieres sur le nil?"),
    ("D", "D6", 0, "neu", "vous reparez aussi les velos achetes ailleurs ou seulement les votres?"),
]

# ---------------------------------------------------------------- Italian
IT = [
    ("A", "A6", 0, "neu", "ho pagato con carta di credito, dopo il reso quanto ci mette ad arrivare il rimborso?"),
    ("A", "A14", 1, "neu", "il pacco e arrivato tutto schiacciato, posso rifiutarlo? vorrei parlare con un operatore"),
    ("A", None, 0, "neg", "sono stufa, il tracking non si aggiorna mai e nessuno risponde alle mie email"),
    ("S", "S7", 0, "neu", "quanto costa il seguro solmar total per una settimana in grecia?"),
    ("S", "S11", 0, "pos", "adoro i vostri viaggi!! se prenoto 4 mesi prima ho qualche sconto?"),
    ("S", None, 0, "neu", "fate pacchetti per la settimana bianca in andorra?"),
    ("D", "D3", 0, "neu", "consegnate la bici a casa? abito a 5 km dal negozio"),
]

# ---------------------------------------------------------------- German
DE = [
    ("A", "A2", 0, "neu", "was kostet die aurora plus mitgliedschaft in brasilien im jahr?"),
    (
        "A",
        "A12",
        0,
        "neu",
        "euer preis fuer meinen monitor ist 10 tage nach der lieferung gefallen, bekomme ich was zurueck?",
    ),
    ("A", None, 0, "neu", "kann man bei euch auch gebrauchte kameras kaufen?"),
    ("S", "S1", 0, "neg", "der flugpreis hat sich geaendert obwohl ich schon reserviert hatte?? wie kann das sein 😠"),
    ("S", "S3", 0, "neu", "wir muessen unser paket 5 tage vor abflug stornieren, wie viel kostet uns das?"),
    ("S", None, 1, "neu", "koennte mich bitte jemand von solmar zurueckrufen? es geht um eine gruppenreise"),
    ("D", "D5", 0, "neu", "gilt die garantie auch fuer abgefahrene reifen?"),
]

BLOCKS = [("en", EN), ("es", ES), ("pt", PT), ("hi", HI), ("ta", TA), ("te", TE), ("fr", FR), ("it", IT), ("de", DE)]
FIELDS = ["id", "tenant", "text", "language", "answerable", "section", "wants_human", "sentiment"]


def words(text):
    """Lower-case words with diacritics removed (so 'querétaro' and 'queretaro' match)."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.findall(r"\w+", text)


def ngrams(ws, n=5):
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def faq_headings_txt(text):
    found, want = [], 1
    for line in text.splitlines():
        m = re.match(r"^(\d{1,2})\. (\S.*)$", line.strip())
        if m and int(m.group(1)) == want:
            found.append(m.group(2).strip())
            want += 1
    return found


def faq_headings_md(text):
    return [m.group(2).strip() for m in re.finditer(r"(?m)^##\s+(\d{1,2})\.\s+(\S.*)$", text)]


def is_native(text):
    return any("\u0900" <= c <= "\u097f" or "\u0b80" <= c <= "\u0bff" or "\u0c00" <= c <= "\u0c7f" for c in text)


def main():
    errors = []
    files = {"A": EVAL_DIR / "aurora-faq.txt", "S": EVAL_DIR / "solmar-faq.txt", "D": DEMO_FAQ}
    faq_grams = set()
    for key, path in files.items():
        if not path.is_file():
            errors.append(f"FAQ file missing: {path} (set EVAL_DIR / DEMO_FAQ)")
            continue
        text = path.read_text(encoding="utf-8")
        faq_grams |= ngrams(words(text))
        parsed = faq_headings_md(text) if key == "D" else faq_headings_txt(text)
        if parsed != HEADINGS[key]:
            errors.append(f"{TENANT[key]}: headings in {path} differ from the table in build.py: {parsed}")

    rows, seen = [], {}
    counter = Counter()
    for lang, block in BLOCKS:
        for i, (t, code, wh, sent, text) in enumerate(block, 1):
            where = f"{lang} row {i}"
            if t not in TENANT:
                errors.append(f"{where}: unknown tenant {t!r}")
                continue
            section = None
            if code is not None:
                m = re.fullmatch(r"([ASD])(\d{1,2})", code)
                if not m or m.group(1) != t or not 1 <= int(m.group(2)) <= len(HEADINGS[t]):
                    errors.append(f"{where}: section code {code!r} does not belong to tenant {TENANT[t]}")
                    continue
                n = int(m.group(2))
                section = f"{n}. {HEADINGS[t][n - 1]}"
            if sent not in SENT or wh not in (0, 1):
                errors.append(f"{where}: bad sentiment/wants_human {sent!r}/{wh!r}")
            if not 20 <= len(text) <= 170:
                errors.append(f"{where}: length {len(text)} outside 20-170: {text}")
            if text in seen:
                errors.append(f"{where}: duplicate text (also {seen[text]}): {text}")
            seen[text] = where
            shared = ngrams(words(text)) & faq_grams
            if shared:
                errors.append(f"{where}: shares five words with an FAQ {sorted(shared)[0]}: {text}")
            tenant = TENANT[t]
            counter[tenant] += 1
            rows.append(
                dict(
                    zip(
                        FIELDS,
                        [
                            f"{PREFIX}-{tenant}-{counter[tenant]:03d}",
                            tenant,
                            text,
                            lang,
                            code is not None,
                            section,
                            bool(wh),
                            SENT.get(sent, sent),
                        ],
                        strict=True,
                    )
                )
            )
        if lang in ("hi", "ta", "te"):
            for t in TENANT:
                sub = [r for r in block if r[0] == t]
                nat = sum(is_native(r[4]) for r in sub)
                if 2 * nat != len(sub):
                    errors.append(f"{lang} {TENANT[t]}: {nat} of {len(sub)} texts in native script, expected half")

    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        sys.exit(1)

    out = HERE / "messages.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    stats = defaultdict(Counter)
    for r in rows:
        c = stats[r["language"]]
        c["n"] += 1
        c["ans"] += r["answerable"]
        c["wh"] += r["wants_human"]
        c["wh+ans"] += r["wants_human"] and r["answerable"]
        c[r["sentiment"][:3]] += 1
        c[r["tenant"]] += 1
    lens = [len(r["text"]) for r in rows]
    print(f"wrote {len(rows)} messages to {out}  (text lengths {min(lens)}-{max(lens)})")
    for lang, _ in BLOCKS:
        c = stats[lang]
        print(
            f"  {lang}: n {c['n']}  ans {c['ans']}  wh {c['wh']}  wh+ans {c['wh+ans']}  "
            f"neg {c['neg']}  pos {c['pos']}  aurora/solmar/demo {c['aurora']}/{c['solmar']}/{c['demo']}"
        )


if __name__ == "__main__":
    main()
