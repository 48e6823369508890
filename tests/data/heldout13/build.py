#!/usr/bin/env python3
"""Build heldout13/messages.jsonl from the hand-written table below.

Every row was written by hand, one at a time: tenant, section code, wants_human, sentiment, text. The language
is the block's. Section codes (A7 = aurora section 7, S3 = solmar section 3, D5 = demo section 5, "-" = not
answerable) are turned into the exact heading strings through HEADINGS, which must equal the headings parsed
from the three FAQ files.

Before anything is written the script checks: the heading table against the FAQ files; every section code
belongs to the row's tenant; every text is 20-170 characters and occurs once; no text shares a run of five
words with any FAQ text (lower-cased, accents stripped); in hi, ta and te exactly half of each tenant's rows
are in the language's own script (and no other Indic script) and the rest contain no Indic letters, while the
other languages contain none; every language has its designed number of rows per tenant (answerable without /
with wants_human, unanswerable without / with wants_human) and of positive and negative rows; every section of
every FAQ is the label of 3-5 answerable rows. On any failure: message on stderr, nothing written, exit 1.

FAQ locations: EVAL_DIR (aurora-faq.txt, solmar-faq.txt; default ../shared/eval beside the repository root)
and DEMO_FAQ (default deploy/local/sample/demo-faq.md under the repository root).

Use: measurement only - never tune on this set.
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
EVAL_DIR = Path(os.environ.get("EVAL_DIR", REPO.parent / "shared" / "eval"))
DEMO_FAQ = Path(os.environ.get("DEMO_FAQ", REPO / "deploy" / "local" / "sample" / "demo-faq.md"))
PREFIX = "h13"

N, Y = False, True
NEU, NEG, POS = "neutral", "negative", "positive"

HEADINGS = {
    "A1": "1. Shipping times",
    "A2": "2. Shipping costs",
    "A3": "3. International shipping",
    "A4": "4. Order tracking",
    "A5": "5. Returns",
    "A6": "6. Refund timing",
    "A7": "7. Warranty",
    "A8": "8. Payment methods",
    "A9": "9. Installments (meses sin intereses)",
    "A10": "10. Invoices (CFDI / nota fiscal)",
    "A11": "11. Store pickup locations and hours",
    "A12": "12. Price match",
    "A13": "13. Order cancellation",
    "A14": "14. Damaged or wrong items",
    "A15": "15. Trade-in program",
    "A16": "16. Customer support hours and channels",
    "S1": "1. Reservas",
    "S2": "2. Cambios de fecha",
    "S3": "3. Cancelaciones y reembolsos",
    "S4": "4. Equipaje",
    "S5": "5. Documentación y visados",
    "S6": "6. Formas de pago y cuotas",
    "S7": "7. Seguro de viaje",
    "S8": "8. Viajar con mascotas",
    "S9": "9. Check-in online",
    "S10": "10. Horario de atención",
    "S11": "11. Promociones y cupones",
    "S12": "12. Facturación",
    "S13": "13. Grupos y eventos",
    "S14": "14. Accesibilidad",
    "D1": "1. Opening hours",
    "D2": "2. Address and parking",
    "D3": "3. Delivery",
    "D4": "4. Returns",
    "D5": "5. Warranty",
    "D6": "6. Repairs and servicing",
    "D7": "7. Bike rental",
    "D8": "8. Trade-in of used bikes",
    "D9": "9. Payment methods",
    "D10": "10. Contact us",
}
CODE_TENANT = {"A": "aurora", "S": "solmar", "D": "demo"}

# Designed rows per tenant: (answerable without wants_human, answerable with, unanswerable without, with).
MAIN = {"aurora": (9, 1, 6, 4), "solmar": (8, 1, 6, 3), "demo": (4, 1, 3, 2)}
DESIGN = {
    "en": MAIN,
    "es": MAIN,
    "pt": MAIN,
    "hi": MAIN,
    "ta": MAIN,
    "te": MAIN,
    "fr": {"aurora": (2, 0, 0, 1), "solmar": (1, 1, 1, 0), "demo": (1, 0, 0, 0)},
    "it": {"aurora": (2, 1, 0, 0), "solmar": (2, 0, 1, 0), "demo": (1, 0, 0, 0)},
    "de": {"aurora": (2, 0, 1, 0), "solmar": (2, 0, 0, 1), "demo": (1, 0, 0, 0)},
}
# Designed sentiment per language: (positive, negative minimum, negative maximum).
MOOD = {"fr": (1, 2, 2), "it": (1, 1, 1), "de": (0, 1, 1)}
MOOD.update({lang: (3, 13, 14) for lang in ("en", "es", "pt", "hi", "ta", "te")})
SCRIPT = {"hi": ("\u0900", "\u097f"), "ta": ("\u0b80", "\u0bff"), "te": ("\u0c00", "\u0c7f")}

# ----------------------------------------------------------------------------------------------------------------
# The table. One block per language; rows: tenant, section code, wants_human, sentiment, text.
# ----------------------------------------------------------------------------------------------------------------
TABLE = {}

TABLE["en"] = [
    # aurora
    (
        "aurora",
        "A1",
        N,
        NEG,
        "checkout promised my speaker by thursday, its friday and nothing. wasnt that date guaranteed??",
    ),
    ("aurora", "A2", N, NEU, "im an aurora plus member in mexico, do i still pay for express on a 250 peso usb cable?"),
    ("aurora", "A3", N, NEU, "can i buy on aurora.com.br and get it delivered to my flat in santiago, chile? 🙏"),
    (
        "aurora",
        "A4",
        N,
        NEG,
        "carrier investigation is done and they STILL cant find my parcel.. so what now, a new one or my money back?",
    ),
    ("aurora", "A5", N, NEU, "got a drone 12 days ago and tbh i just dont enjoy flying it. can i still send it back?"),
    ("aurora", "A6", N, NEU, "if i pick store credit for a 3,000 peso return do i get exactly 3k or a bit more?"),
    (
        "aurora",
        "A7",
        N,
        POS,
        "protege saved me once already so im a fan 😄 if i add the 24 month one, how long am i covered in total?",
    ),
    ("aurora", "A8", N, NEU, "can i pay with a personal check? my dad doesnt really do cards lol"),
    (
        "aurora",
        "A9",
        N,
        NEU,
        "brazil site: R$ 420 headset, whats the max number of interest free installments i can split it into?",
    ),
    (
        "aurora",
        "A10",
        Y,
        NEU,
        "can a real person from invoicing ring me? bought a monitor on the 3rd, "
        "do i have till the end of this month for the cfdi?",
    ),
    (
        "aurora",
        "-",
        N,
        NEU,
        "does aurora plus also waive the oversize fee on a fridge, or is it only express thats free?",
    ),
    ("aurora", "-", N, NEU, "if i pay with an aurora gift card and later return the item, where does the refund go?"),
    ("aurora", "-", N, NEG, "third time asking: for a pre-order do i pay the full price upfront or just a deposit??"),
    ("aurora", "-", N, NEU, "when you replace a dead-on-arrival item, does the new one get a fresh 12 month warranty?"),
    (
        "aurora",
        "-",
        N,
        NEU,
        "is there a limit on how many of the same console i can buy in one order? want 3 for my nephews",
    ),
    ("aurora", "-", Y, NEU, "could someone phone me today about my order? the zip code on the shipping label is wrong"),
    (
        "aurora",
        "-",
        Y,
        NEG,
        "pls put me through to the manager of the andares store. staff refused my pickup even tho i showed my id",
    ),
    (
        "aurora",
        "-",
        Y,
        NEU,
        "your price dropped 6 days after my tv was delivered but no store credit showed up. can someone look into it",
    ),
    ("aurora", "-", Y, NEG, "this bot keeps pasting the shipping table when i ask about MY parcel. human please"),
    (
        "aurora",
        "-",
        N,
        NEG,
        "the smart bulbs i ordered wont pair with anything and the app crashes every time. total waste of money",
    ),
    # solmar
    (
        "solmar",
        "S1",
        N,
        POS,
        "traveled with you twice and loved it 😊 how many offices do you guys have in total? want to drop by one",
    ),
    ("solmar", "S2", N, NEU, "family of 4, what would the tarifa flexible solmar add to our booking in total?"),
    (
        "solmar",
        "S3",
        Y,
        NEU,
        "can someone call me about cancelling? if we drop our 1,600 € package 40 days before leaving, what do we lose?",
    ),
    (
        "solmar",
        "S4",
        N,
        NEG,
        "flying to gran canaria the day after tomorrow and nobody "
        "mentioned bike rules.. is it too late to add my bike??",
    ),
    ("solmar", "S5", N, NEU, "only have my spanish dni, no passport. is that enough for a weekend in rome?"),
    ("solmar", "S6", N, NEU, "can i pay 1,500 € in cash at one of your offices in spain?"),
    (
        "solmar",
        "S7",
        N,
        NEU,
        "seguro solmar total for me, my wife and our daughter, one week in italy. whats the total?",
    ),
    (
        "solmar",
        "S8",
        N,
        NEU,
        "our beagle is 15 kg so he'd go in the hold right? what does that cost per flight more or less",
    ),
    ("solmar", "S9", N, NEU, "can i do online check in 4 days before my flight to berlin? want it out of the way"),
    ("solmar", "-", N, NEU, "do your cruises sail from barcelona or do i have to get to another port?"),
    ("solmar", "-", N, NEU, "i booked at your office in person, can i add that booking to the solmar app somehow?"),
    ("solmar", "-", N, NEG, "hotel is honestly awful. if we leave 2 nights early do we get those nights back?"),
    ("solmar", "-", N, NEU, "can i cancel seguro solmar total after buying it if i change my mind?"),
    ("solmar", "-", N, NEU, "do you guys do black friday deals on packages? been waiting all year lol"),
    (
        "solmar",
        "-",
        Y,
        NEU,
        "stuck at our hotel in split, the transfer to the ferry never came and the driver isnt answering. "
        "need someone on the phone now",
    ),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "sent 3 messages today and got nothing useful. i want someone from customer relations to look at what "
        "happened in corfu",
    ),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "your bot just told me my hotel has a pool. it doesnt, im standing right here. can a human take over pls",
    ),
    (
        "solmar",
        "-",
        N,
        NEG,
        "our room in mallorca stank of smoke the whole week and nobody moved us. really disappointed",
    ),
    # demo
    ("demo", "D1", N, POS, "love your shop!! what time do you open on saturdays? need a new lock"),
    ("demo", "D2", N, NEU, "coming with my mum on her mobility scooter, are there any steps at the entrance?"),
    ("demo", "D3", N, NEU, "i live about 15 km out, could your van bring my new bike for free on a thursday?"),
    ("demo", "D4", N, NEU, "bought cycling gloves 3 weeks ago, never worn, tags still on. can i return them?"),
    (
        "demo",
        "D5",
        Y,
        NEG,
        "brake pads worn out in 4 months?! is that even covered? i want to talk to the mechanic who sold me this bike",
    ),
    ("demo", "-", N, NEU, "do you lend out a bike while mine is in the workshop? need it for work"),
    ("demo", "-", N, NEU, "do your rental bikes come with a basket or panniers? doing a picnic ride"),
    ("demo", "-", Y, NEU, "could someone from the workshop phone me? my e-bike beeps 3 times when i switch it on"),
    (
        "demo",
        "-",
        Y,
        NEG,
        "can someone in the workshop check on my bike? was told tuesday, its thursday now and still no word",
    ),
    ("demo", "-", N, NEG, "picked up my bike after the service and the rear disc is rubbing already. not impressed"),
]

TABLE["es"] = [
    # aurora (Mexico)
    (
        "aurora",
        "A11",
        N,
        NEU,
        "ya pagué para recoger en san pedro, cómo me entero de que ya está listo? me avisan o qué?",
    ),
    (
        "aurora",
        "A12",
        N,
        NEG,
        "neta ya me rechazaron una vez 🙄 en amazon méxico está más barato pero el modelo termina en otra letra, "
        "aplica o no?",
    ),
    (
        "aurora",
        "A13",
        N,
        NEU,
        "me equivoqué de capacidad en un ssd, lo pagué hace 10 min. lo puedo cancelar sin que me cobren nada?",
    ),
    (
        "aurora",
        "A14",
        Y,
        NEG,
        "me llegó una tetera eléctrica toda abollada 😒 ya lo reporté, en cuántos días mandan la nueva? "
        "y porfa que alguien me llame",
    ),
    (
        "aurora",
        "A15",
        N,
        POS,
        "el trade-in de mi cel pasado estuvo bien chido! ahora quiero mandar mi laptop vieja, cuánto pago de envío?",
    ),
    (
        "aurora",
        "A16",
        N,
        NEU,
        "si les escribo por whatsapp un martes a las 11 de la noche, me contesta una persona o el asistente?",
    ),
    ("aurora", "A1", N, NEU, "hay envío express a mérida? lo necesito rápido"),
    (
        "aurora",
        "A2",
        N,
        NEG,
        "la lavadora que quiero pesa como 70 kilos, cuánto me van a cobrar de envío? ojalá no sea un robo",
    ),
    ("aurora", "A3", N, NEU, "puedo mandar unos audífonos a lima, perú desde aurora.com.mx? son pa mi primo"),
    (
        "aurora",
        "A4",
        N,
        NEG,
        "no voy a estar en mi casa toda la semana, qué pasa si la paquetería no me encuentra? "
        "ya me pasó con otra tienda y fue un relajo",
    ),
    ("aurora", "-", N, NEU, "con aurora plus me dan más lana en el trade-in o es lo mismo?"),
    ("aurora", "-", N, NEU, "puedo pagar la mitad con mi saldo de aurora y lo demás a 6 msi?"),
    ("aurora", "-", N, NEU, "tienen descuento para adultos mayores con credencial del inapam?"),
    (
        "aurora",
        "-",
        N,
        NEU,
        "si en vez de reembolso quiero cambiar la licuadora por otro modelo, se puede o solo devuelven el dinero?",
    ),
    (
        "aurora",
        "-",
        N,
        NEU,
        "el cfdi sale con el envío desglosado como concepto aparte? mi contador es bien especial jaja",
    ),
    ("aurora", "-", Y, NEU, "me puede llamar alguien hoy? necesito cambiar el nombre de quien va a recibir mi pedido"),
    ("aurora", "-", Y, NEU, "con quién hablo de protección de datos? quiero que saquen mi número de sus listas de sms"),
    (
        "aurora",
        "-",
        Y,
        NEU,
        "mi cotización de trade-in desapareció de mi cuenta de un día pa otro, alguien lo puede revisar?",
    ),
    (
        "aurora",
        "-",
        Y,
        NEG,
        "ya van 5 veces que el bot me manda el link de preguntas frecuentes. pásame con alguien de verdad",
    ),
    (
        "aurora",
        "-",
        N,
        NEG,
        "el proyector se apaga solito a los 20 minutos, no he podido ver ni una peli completa. qué decepción",
    ),
    # solmar (Spain)
    (
        "solmar",
        "S10",
        N,
        NEU,
        "me pasáis el teléfono de españa? quiero reservar un puente en oporto y lo prefiero hablado",
    ),
    (
        "solmar",
        "S11",
        N,
        NEG,
        "siempre llego tarde a las ofertas 🙄 si reservo hoy un paquete para dentro de 2 meses, "
        "entra en la venta anticipada?",
    ),
    (
        "solmar",
        "S12",
        N,
        NEU,
        "la factura lleva mal el CIF de mi empresa y me la enviasteis hace 50 días, aún se puede corregir?",
    ),
    (
        "solmar",
        "S13",
        N,
        POS,
        "el año pasado salió todo genial con vosotros! ahora somos 22 de un club ciclista, "
        "cuántas plazas gratis nos tocan?",
    ),
    (
        "solmar",
        "S14",
        N,
        NEU,
        "mi padre necesita asistencia en el aeropuerto y volamos mañana a las 9, aún estamos a tiempo de pedirla?",
    ),
    (
        "solmar",
        "S1",
        N,
        NEU,
        "mi hija de 19 quiere reservar ella solita un paquete a malta, puede ir la reserva a su nombre?",
    ),
    (
        "solmar",
        "S2",
        Y,
        NEU,
        "queremos mover el hotel de ibiza 16 días antes de la fecha, cuánto nos cuesta? mejor que me llame alguien",
    ),
    (
        "solmar",
        "S3",
        N,
        NEU,
        "cancelé el paquete y lo había pagado con bizum, me lo devolvéis por bizum? en cuántos días más o menos?",
    ),
    (
        "solmar",
        "S4",
        N,
        NEG,
        "la otra agencia me cobró la maleta aparte y aún me escuece. en vuestros paquetes a tenerife "
        "va incluida la facturada?",
    ),
    ("solmar", "-", N, NEU, "tenéis descuento con el carnet joven en los paquetes?"),
    ("solmar", "-", N, NEU, "se puede llevar al perro en los cruceros que vendéis?"),
    ("solmar", "-", N, NEU, "me podéis hacer vosotros el check-in online? con la web de la aerolínea no me aclaro"),
    ("solmar", "-", N, NEG, "sale más barato reservar en la app que en la web? porque en la web me parece un robo"),
    ("solmar", "-", N, NEU, "la factura me la podéis mandar en inglés? es para la empresa en irlanda"),
    (
        "solmar",
        "-",
        Y,
        NEU,
        "el hotel de lanzarote nos quiere cobrar otra vez la estancia, dicen que no les habéis pagado. "
        "que alguien nos llame ya por favor",
    ),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "quiero que alguien de administración revise por qué me cobrasteis dos veces los 30 € de gestión",
    ),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "el bot me da los precios en dólares y yo reservo desde sevilla 😑 quiero hablar con una persona",
    ),
    (
        "solmar",
        "-",
        N,
        NEG,
        "la excursión a toledo duró la mitad de lo anunciado y encima una hora metidos en una tienda de recuerdos. "
        "vaya tomadura de pelo",
    ),
    # demo (Spain)
    ("demo", "D6", N, NEU, "cuánta diferencia de precio hay entre la revisión básica y la completa?"),
    ("demo", "D7", N, NEU, "mi hijo acaba de cumplir 16, puede alquilar él la bici o tiene que ir a mi nombre?"),
    (
        "demo",
        "D8",
        N,
        POS,
        "me encanta vuestra tienda 😍 mi bici de montaña vieja "
        "funciona perfecta, me la descontáis si compro una gravel?",
    ),
    (
        "demo",
        "D9",
        Y,
        NEU,
        "quiero una eléctrica de 1.800 € a plazos, cuántas cuotas puedo elegir? si alguien me llama mejor",
    ),
    ("demo", "D10", N, NEU, "cuál es vuestro email? os quiero mandar escaneado el ticket de compra"),
    ("demo", "-", N, NEU, "hacéis rutas guiadas con las bicis de alquiler?"),
    ("demo", "-", N, NEU, "si compro recambios online, me los podéis dejar en un punto de recogida tipo taquilla?"),
    ("demo", "-", Y, NEU, "alguien me puede llamar para cambiar la cita del taller del jueves? me ha surgido un viaje"),
    ("demo", "-", Y, NEG, "el guardabarros que me pusisteis roza la rueda, quiero que lo vea quien lo montó"),
    ("demo", "-", N, NEG, "la bici que compré hace 10 días ya tiene óxido en la cadena. de verdad??"),
]

TABLE["pt"] = [
    # aurora (Brazil)
    (
        "aurora",
        "A5",
        N,
        NEG,
        "usei o secador de cabelo por duas semanas e não curti, que decepção. vcs aceitam devolução assim mesmo?",
    ),
    (
        "aurora",
        "A6",
        N,
        NEU,
        "devolvi o fone que paguei no pix, era presente de aniversário e não serviu. em quanto tempo o dinheiro volta?",
    ),
    (
        "aurora",
        "A7",
        Y,
        NEU,
        "meu notebook parou de ligar com 9 meses, sem queda nem nada. a garantia aurora cobre? "
        "queria falar com alguém do suporte técnico",
    ),
    ("aurora", "A8", N, NEU, "uma tv de R$ 2.000 fica quanto se eu pagar no pix?"),
    ("aurora", "A9", N, NEU, "meu cartão de crédito é elo, dá pra parcelar em 10x sem juros?"),
    ("aurora", "A10", N, NEU, "digitei o cpf errado no checkout e a nf-e já foi emitida, dá pra corrigir?"),
    (
        "aurora",
        "A11",
        N,
        POS,
        "amo a loja de pinheiros! minha mãe pode retirar meu pedido lá por mim? o que ela precisa levar?",
    ),
    (
        "aurora",
        "A12",
        N,
        NEG,
        "o preço de vcs caiu 5 dias depois que recebi, que chato hein. a diferença volta no meu cartão?",
    ),
    (
        "aurora",
        "A13",
        N,
        NEU,
        "o pedido já aparece como enviado mas desisti da compra, posso recusar na hora da entrega?",
    ),
    ("aurora", "A14", N, NEG, "chegou uma air fryer com a tampa quebrada 😡 tenho quantas horas pra avisar vcs?"),
    ("aurora", "-", N, NEU, "sou turista no rio e não tenho cpf, consigo comprar no site do brasil?"),
    ("aurora", "-", N, NEU, "o desconto de 5% do pix vale junto com a cobertura de preço de outra loja?"),
    ("aurora", "-", N, NEU, "vcs têm cashback com mercado pago?"),
    ("aurora", "-", N, NEU, "quais valores de gift card da aurora vcs vendem? queria dar um de presente"),
    ("aurora", "-", N, NEU, "dá pra dividir o pagamento de um boleto em dois boletos?"),
    (
        "aurora",
        "-",
        Y,
        NEU,
        "alguém pode me ligar? comprei uma tv pra minha avó e ela não consegue acompanhar a entrega pelo app",
    ),
    (
        "aurora",
        "-",
        Y,
        NEG,
        "quero falar com a ouvidoria. já abri 2 chamados sobre a mesma geladeira e ninguém resolve",
    ),
    ("aurora", "-", Y, NEU, "meu crédito de R$ 600 na loja não aparece mais na conta, alguém verifica pfv"),
    (
        "aurora",
        "-",
        Y,
        NEG,
        "o assistente me mandou cancelar o pedido quando eu só perguntei do prazo!! quero um atendente",
    ),
    ("aurora", "-", N, NEG, "a chapinha chegou e não esquenta direito, o cabelo fica igual. horrível"),
    # solmar
    (
        "solmar",
        "S5",
        N,
        NEG,
        "na última viagem me barraram por causa do passaporte 😩 vou pra tailândia e ele vence 5 meses depois "
        "da chegada, pode?",
    ),
    ("solmar", "S6", N, NEU, "o solmar pago flex serve pra uma viagem de 7 mil euros?"),
    ("solmar", "S7", N, NEG, "o voo atrasou 4 horas, passei a noite no aeroporto. o seguro total paga alguma coisa?"),
    (
        "solmar",
        "S8",
        N,
        NEU,
        "meu cachorro vai pra argentina comigo, o atestado do veterinário tem que ser emitido quando?",
    ),
    ("solmar", "S9", N, NEU, "não chegou o lembrete do check-in e meu voo é daqui a 3 dias, é normal?"),
    ("solmar", "S10", N, NEU, "se eu mandar mensagem no chat à meia-noite de madri, alguém responde ou é o robô?"),
    (
        "solmar",
        "S11",
        N,
        POS,
        "viajar com vcs é sempre top 😍 gastei uns 3.500 euros esse ano, quanto isso vira de desconto no club solmar?",
    ),
    (
        "solmar",
        "S12",
        N,
        NEU,
        "preciso de factura no nome da minha empresa, já faz 25 dias que reservei, ainda dá tempo?",
    ),
    (
        "solmar",
        "S13",
        Y,
        NEU,
        "uma turma de 35 formandos vai pra cancún em julho, até quando tem que pagar o resto do grupo? "
        "alguém pode me ligar?",
    ),
    ("solmar", "-", N, NEU, "vcs cuidam da papelada do casamento civil nas bodas em destino?"),
    ("solmar", "-", N, NEU, "o seguro solmar total tem desconto pra grupo?"),
    ("solmar", "-", N, NEU, "tem cruzeiro pelos fiordes da noruega?"),
    ("solmar", "-", N, NEU, "dá pra pagar a mala extra pelo app de vcs?"),
    ("solmar", "-", N, NEU, "vcs vendem pacote com aula de surf em lanzarote?"),
    (
        "solmar",
        "-",
        Y,
        NEU,
        "minha filha perdeu a conexão pra lisboa e tá sozinha no "
        "aeroporto de madri, preciso que alguém ajude ela agora",
    ),
    ("solmar", "-", Y, NEU, "alguém pode me ligar pra organizar uma surpresa de 50 anos pro meu marido em paris?"),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "o robô pediu o número do meu passaporte e depois disse que não pode ver dados pessoais 🙄 "
        "chama alguém de verdade",
    ),
    (
        "solmar",
        "-",
        N,
        NEG,
        "o hotel em cusco trocou nosso quarto de casal por dois quartos em andares diferentes. péssimo",
    ),
    # demo
    ("demo", "D3", N, NEU, "a partir de quanto o frete sai de graça? quero umas peças"),
    ("demo", "D4", N, NEG, "a campainha que comprei veio com defeito, que chato. pago o frete pra devolver?"),
    ("demo", "D5", N, NEU, "alugo bikes pros hóspedes da minha pousada, a garantia cobre essas bikes?"),
    ("demo", "D6", N, POS, "vcs são demais 👏 preciso ajustar o freio, tenho que agendar ou posso só aparecer?"),
    ("demo", "D7", Y, NEU, "o que preciso levar pra alugar uma bike? alguém da loja pode me ligar?"),
    ("demo", "-", N, NEU, "vcs deixam fazer test ride de e-bike antes de comprar?"),
    ("demo", "-", N, NEU, "dá pra reservar uma bike na loja deixando um sinal e pagar o resto depois?"),
    ("demo", "-", Y, NEU, "a bike que encomendei pelo site veio com o guidão de outra cor, alguém pode verificar?"),
    (
        "demo",
        "-",
        Y,
        NEG,
        "o robô confundiu minha bike de aluguel com uma de venda na resposta, confuso demais. chama alguém?",
    ),
    ("demo", "-", N, NEG, "o suporte de garrafa que vcs instalaram caiu na primeira volta. lamentável"),
]

TABLE["hi"] = [
    # aurora
    (
        "aurora",
        "A15",
        Y,
        NEU,
        "trade-in ka credit inspection ke baad kitne din mein aata "
        "hai? aur koi banda call karke process samjha de please",
    ),
    ("aurora", "A16", N, NEU, "main aurora plus member hoon, brazil mein phone support ka number kya hai?"),
    ("aurora", "A1", N, NEU, "मैंने शुक्रवार रात 9 बजे पेमेंट किया, ऑर्डर वेयरहाउस से कब निकलेगा?"),
    ("aurora", "A2", N, NEU, "mera cart MXN 1,020 ka hai, standard shipping free hogi na?"),
    ("aurora", "A3", N, NEU, "मेरा भाई मैड्रिड में रहता है, क्या aurora.com.mx से उसे हेडफ़ोन भेज सकते हैं?"),
    ("aurora", "A4", N, NEG, "Correios pe 5 working days se koi update nahi 😒 ab kya karun, wait hi karta rahun?"),
    ("aurora", "A5", N, NEG, "स्मार्टवॉच की डिलीवरी को 35 दिन हो गए, अब भी लौटा सकता हूँ? पहले पता होता तो जल्दी करता"),
    ("aurora", "A6", N, NEU, "मैंने SPEI से पेमेंट किया था, रिफंड मेरे क्रेडिट कार्ड पर आ सकता है क्या?"),
    (
        "aurora",
        "A7",
        N,
        POS,
        "Protege ka idea mast hai 👍 ye extra 12 mahine kab se shuru hote hain, khareedne ke din se "
        "ya normal warranty ke baad?",
    ),
    ("aurora", "A8", N, NEU, "OXXO mein paise jama karne mein 3 din lag gaye to order chalega?"),
    ("aurora", "-", N, NEG, "Aurora Plus की फीस एक साथ भारी लगती है, क्या महीने-महीने दे सकते हैं?"),
    ("aurora", "-", N, NEU, "Aurora Plus ka payment karte hi benefits chalu ho jaate hain ya ek-do din lagte hain?"),
    ("aurora", "-", N, NEU, "वारंटी रिपेयर के लिए घर से सामान उठवाने का कोई चार्ज लगता है?"),
    ("aurora", "-", N, NEU, "aurora gift card store pe counter par bhi chalta hai ya sirf online?"),
    ("aurora", "-", N, NEU, "ट्रेड-इन का दाम स्टोर पर जाकर ज़्यादा मिलता है या ऑनलाइन quote जितना ही?"),
    ("aurora", "-", Y, NEU, "कोई मुझे आज शाम कॉल कर सकता है? मेरे ऑर्डर में दो अलग-अलग पते दिख रहे हैं"),
    (
        "aurora",
        "-",
        Y,
        NEG,
        "mujhe kisi technical supervisor se baat karni hai, teesri baar same laptop repair ke liye bhej raha hoon",
    ),
    ("aurora", "-", Y, NEU, "मेरे Protege के पैसे कट गए पर अकाउंट में दिख नहीं रहा, कोई चेक कर दो प्लीज़"),
    ("aurora", "-", Y, NEG, "is bot ne mujhe kisi aur customer ka order status dikha diya 😳 koi insaan hai udhar?"),
    ("aurora", "-", N, NEG, "नया कीबोर्ड आया और आधी keys दो-दो बार टाइप करती हैं, बहुत बेकार"),
    # solmar
    (
        "solmar",
        "S14",
        N,
        NEU,
        "do bachche hain, ek ki wheelchair aur doosre ki baisakhi, flight mein dono ka extra lagega?",
    ),
    ("solmar", "S1", N, POS, "पिछली बार आपके साथ ट्रिप शानदार रहा! जुलाई के लिए 2,400 यूरो का पैकेज है, अभी कितना देना होगा?"),
    (
        "solmar",
        "S2",
        N,
        NEU,
        "mera dost nahi ja pa raha, uski jagah mera bhai jayega. naam badalne ka kitna charge lagega?",
    ),
    ("solmar", "S3", Y, NEU, "कार्ड से पेमेंट किया था, पैकेज कैंसिल करने के बाद पैसा कितने दिन में लौटेगा? कोई एजेंट कॉल कर ले तो अच्छा"),
    (
        "solmar",
        "S4",
        N,
        NEG,
        "madrid se new york extra suitcase kitne ka padega? pichli baar airport pe bahut loot liya tha",
    ),
    ("solmar", "S5", N, NEU, "हम दो लोग हैं, वियतनाम का ई-वीज़ा आप बनवा दोगे? कुल कितना लगेगा?"),
    ("solmar", "S6", N, NEU, "solmar pago flex mein 3 mahine wale plan pe interest lagta hai kya?"),
    ("solmar", "S7", N, NEU, "6,000 यूरो की ट्रिप है, Seguro Solmar Total में कैंसिलेशन पर ज़्यादा से ज़्यादा कितना मिलेगा?"),
    ("solmar", "S8", N, NEU, "hotel dhoondte waqt kaise pata chalega ki wahan pet allowed hai? apna dog bhi saath hai"),
    ("solmar", "-", N, NEU, "Club Solmar ka membership card milta hai kya, ya number app mein kahin dikhta hai?"),
    ("solmar", "-", N, NEU, "क्रूज़ में केबिन अपग्रेड करवाने का कितना लगता है?"),
    ("solmar", "-", N, NEU, "santorini mein sunset boat trip bhi aap log book karte ho?"),
    ("solmar", "-", N, NEU, "क्रूज़ पर कोई डॉक्टर रहता है क्या? मेरी दादी साथ जा रही हैं"),
    ("solmar", "-", N, NEU, "डेस्टिनेशन वेडिंग वाले पैकेज में मेहंदी और संगीत का इंतज़ाम भी करते हो?"),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "prague wale hotel ke room mein paani bhar gaya hai aur reception kuch nahi kar raha. koi abhi call karo",
    ),
    ("solmar", "-", Y, NEG, "आपके शिकायत विभाग में किसी से बात करवाइए, दुबई वाले टूर का आधा पैसा ही लौटाया गया है"),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "ye chatbot baar baar bolta hai meri booking nahi mili, jabki confirmation email aa chuka hai. insaan chahiye",
    ),
    ("solmar", "-", N, NEG, "लिस्बन वाले होटल की लिफ्ट पूरे हफ़्ते बंद रही और हम पाँचवीं मंज़िल पर थे। बहुत बुरा अनुभव"),
    # demo
    (
        "demo",
        "D8",
        N,
        POS,
        "आपकी दुकान की सर्विस बढ़िया है! बेटी की बच्चों वाली साइकिल और मेरी पुरानी हाइब्रिड, दोनों एक्सचेंज में चलेंगी?",
    ),
    ("demo", "D9", Y, NEU, "shop pe cash chalta hai? aur koi staff call karke naye models ke baare mein bata de"),
    ("demo", "D10", N, NEU, "दुकान का फ़ोन नंबर दे दो, कल आने से पहले एक बात पूछनी है"),
    ("demo", "D1", N, NEG, "pichli baar 4 baje aaya to shop band mili 😒 saturday ko 4:30 tak khule rehte ho?"),
    ("demo", "D2", N, NEU, "car se aaunga, shop ke saamne parking ke paise lagte hain kya?"),
    ("demo", "-", N, NEU, "kya aap custom wheel bana dete ho? hub main khud laaunga"),
    ("demo", "-", N, NEU, "क्या आप पुरानी साइकिल पर नया रंग भी करवा देते हो?"),
    ("demo", "-", Y, NEU, "जिस मैकेनिक ने मेरे ब्रेक ठीक किए थे उससे बात करनी है, ब्रेक फिर से ढीले हो गए"),
    (
        "demo",
        "-",
        Y,
        NEG,
        "koi check karke batao meri bike ki service hui ya nahi, 3 din ho gaye koi message nahi aaya",
    ),
    ("demo", "-", N, NEG, "नए मडगार्ड इतना खड़खड़ाते हैं कि सड़क पर शर्म आती है, बिल्कुल बेकार"),
]

TABLE["ta"] = [
    # aurora
    ("aurora", "A9", N, NEU, "Santander credit card-la 6 MSI edukka minimum evvalavu purchase pannanum?"),
    ("aurora", "A10", N, NEU, "NF-e-la en CPF varuma illa checkout-la naan potta company CNPJ varuma?"),
    ("aurora", "A11", N, NEU, "திங்கள் காலை 9:45க்கு கோயோகான் கடை திறந்திருக்குமா? பிக்அப் பண்ணணும்"),
    (
        "aurora",
        "A12",
        Y,
        NEU,
        "Coppel-la Hot Sale offer-la soundbar vilai kammi, neenga match pannuveengala? "
        "price match pathi oru agent kitta pesanum",
    ),
    ("aurora", "A13", N, NEG, "பணம் கட்டி ஒரு மணி நேரம் கூட ஆகல, அதுக்குள்ள 'Shipped'னு வருது 😤 இப்போ கேன்சல் பண்ண முடியாதா?"),
    (
        "aurora",
        "A14",
        N,
        NEU,
        "monitor delivery aagi 3 naal aachu, ippo dhaan dead pixels gavanichen. ippo enna process?",
    ),
    ("aurora", "A15", N, POS, "உங்க ட்ரேட்-இன் ரொம்ப ஈஸியா இருந்துச்சு 😊 என் கேமிங் லேப்டாப்புக்கு வாங்கின quote எத்தனை நாள் செல்லும்?"),
    ("aurora", "A16", N, NEU, "நீங்க எந்த மொழிகள்ல பதில் சொல்லுவீங்க? போர்ச்சுகீஸ்ல கேட்டா ஓகேவா?"),
    ("aurora", "A1", N, NEU, "Porto Alegre-ku standard delivery evlo naal aagum?"),
    ("aurora", "A2", N, NEG, "நான் ரியோவில இருக்கேன், எக்ஸ்பிரஸ் டெலிவரிக்கு எவ்வளவு கட்டணம்? போன தடவை ரொம்ப லேட் ஆச்சு 😒"),
    (
        "aurora",
        "-",
        N,
        NEG,
        "Protege vaanginaa first claim panna edhavadhu waiting period irukka? ennoda last experience mosam",
    ),
    ("aurora", "-", N, NEU, "OXXO-la rendu thavanaiya pay pannalama, paadhi innikku paadhi naalaiku?"),
    ("aurora", "-", N, NEU, "பில் தொலைஞ்சு போச்சு, அப்படியும் Aurora வாரண்டி க்ளெய்ம் பண்ண முடியுமா?"),
    ("aurora", "-", N, NEU, "delivery time-la OTP kepaangala? veetla amma mattum dhaan irupaanga"),
    ("aurora", "-", N, NEU, "ஸ்டோர்ல வாங்கின பொருளையும் ஆன்லைன்ல 'My orders'ல பாக்க முடியுமா?"),
    ("aurora", "-", Y, NEU, "யாராவது எனக்கு ஃபோன் பண்ணுங்க, கிஃப்ட்டா அனுப்புற பார்சல்ல விலை ரசீது வைக்க வேண்டாம்னு சொல்லணும்"),
    (
        "aurora",
        "-",
        Y,
        NEG,
        "payments team-la irundhu yaaraavadhu kooptu pesunga, en Pix payment 2 naala pending-laye nikkudhu",
    ),
    ("aurora", "-", Y, NEU, "என் ரிட்டர்ன் லேபிள் வேலை செய்யல, கூரியர் எடுக்க மாட்டேங்குறாங்க. யாராவது பாருங்க"),
    (
        "aurora",
        "-",
        Y,
        NEG,
        "naan kelvi kettaa bot verum 👍 emoji mattum anupudhu, 3 thadava aachu. oru manushan kitta pesanum",
    ),
    ("aurora", "-", N, NEG, "வாங்கின பவர் பேங்க் ரெண்டு நாள்லயே உப்பி போச்சு, பயமா இருக்கு. ரொம்ப ஏமாத்தம்"),
    # solmar
    (
        "solmar",
        "S9",
        N,
        NEU,
        "en flight kaalai 6 manikku, online check-in kadaisiya evlo neram munnadi varaikkum pannalaam?",
    ),
    ("solmar", "S10", N, NEU, "ஸ்பெயின்ல உங்க ஆபீஸ் வியாழக்கிழமை ராத்திரி 8:30 வரைக்கும் திறந்திருக்குமா? வேலை முடிஞ்சு வரணும்"),
    ("solmar", "S11", N, NEU, "Venta Anticipada-la 1,000 euro package-ku maximum evlo discount kidaikkum?"),
    ("solmar", "S12", N, NEG, "பணம் கட்டி ஒரு நாள் ஆச்சு, இன்னும் பில் வரல. இப்படி தான் எப்பவுமா?"),
    (
        "solmar",
        "S13",
        Y,
        NEU,
        "11 per-oda family reunion trip, group rate kidaikkuma? groups team-la yaaraavadhu call pannunga",
    ),
    ("solmar", "S14", N, POS, "உங்க சர்வீஸ் சூப்பர் 👌 அப்பாவுக்கு ஏர்போர்ட்ல வீல்சேர் உதவி வேணும், 5 நாள் முன்னாடி கேட்டா போதுமா? காசு உண்டா?"),
    ("solmar", "S1", N, NEU, "solmar office-ga endha endha naadugalla irukku? naan Santiago-la irukken"),
    ("solmar", "S2", N, NEU, "அம்மாவுக்கு ஆபரேஷன் தேதி மாறிடுச்சு, கிளம்புறதுக்கு 10 நாள் முன்னாடி பேக்கேஜ் தேதியை மாத்தலாமா?"),
    (
        "solmar",
        "S3",
        N,
        NEG,
        "5 naal munnadi 1,200 euro package-a cancel pannina evlo pidipeenga? paadhi kaasu poidumaa enna 😟",
    ),
    ("solmar", "-", N, NEU, "hotel booking-la sea view room guarantee pannuveengala?"),
    ("solmar", "-", N, NEU, "Seguro Total பாலிசியை solmar ஆப்ல பாக்க முடியுமா?"),
    ("solmar", "-", N, NEU, "ஸ்கூபா டைவிங் கோர்ஸ் சேர்த்த பேக்கேஜ் ஏதாவது இருக்கா? மாலத்தீவு மாதிரி"),
    ("solmar", "-", N, NEU, "குரூப் டிரிப்ல ஒருத்தர் மட்டும் ரெண்டு நாள் முன்னாடியே தனியா திரும்பலாமா?"),
    ("solmar", "-", N, NEU, "website-la swimming pool irukkura hotels mattum filter panna option irukka?"),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "en amma Dubai airport-la wheelchair assistance-ku 1 mani neram wait panraanga, yaarum varala. "
        "udane yaaraavadhu help pannunga",
    ),
    ("solmar", "-", Y, NEU, "என் பையனோட கல்யாணத்துக்கு 40 பேர் மொரீஷியஸ் போகணும், யாராவது போன் பண்ணி பேசுங்க"),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "bot ovvoru thadavaiyum 'Solmar-ai therndheduthadharku nandri' nu solludhu, badhil mattum illa. manushan venum",
    ),
    ("solmar", "-", N, NEG, "கிரீஸ் ஹோட்டல்ல காலை சாப்பாடு 9 மணிக்கே முடிஞ்சுடுச்சு, ரெண்டு நாளும் பட்டினி. மோசம்"),
    # demo
    (
        "demo",
        "D4",
        N,
        POS,
        "ungaloda bike semma 😍 online-la vaangi 10 naal aachu, block-a oru round mattum ottinen, return pannalama?",
    ),
    ("demo", "D5", N, NEG, "இ-பைக் பேட்டரி 2.5 வருஷத்துல செத்துப்போச்சு, 300 சார்ஜ் தான் ஆகியிருக்கு. வாரண்டி இல்லையா?"),
    ("demo", "D6", N, NEU, "பையனோட சைக்கிள் பஞ்சர், ஸ்கூலுக்கு முன்னாடி காத்திருந்து ஒட்டி வாங்கலாமா? எவ்வளவு ஆகும்?"),
    (
        "demo",
        "D7",
        Y,
        NEU,
        "moonu perukku e-bike oru vaarathukku mothama evlo? rental pathi shop-la yaaraavadhu call pannunga",
    ),
    ("demo", "D8", N, NEG, "என் பழைய சைக்கிள்ல பிரேக் வேலை செய்யல, இருந்தாலும் ட்ரேட்-இன்ல எடுப்பீங்களா? எடுக்கலைன்னா கஷ்டம்"),
    ("demo", "-", N, NEU, "கடைக்கு வெளியே எலக்ட்ரிக் பைக் சார்ஜ் பண்ண பாயிண்ட் இருக்கா?"),
    ("demo", "-", N, NEU, "pudhu bike deliver pannum podhu unga van pazhaya bike-a eduthuttu poguma?"),
    ("demo", "-", Y, NEU, "workshop-la en bike-a yaar paathaangalo avanga kitta pesanum, gear innum sariya maaradhu"),
    ("demo", "-", Y, NEU, "எனக்கு ஒருத்தர் கால் பண்ணுங்க, என் e-bike டிஸ்ப்ளேல 'E07' எரர் காட்டுது"),
    ("demo", "-", N, NEG, "pudhu bike vaangi oru vaarathula back wheel spoke onnu odanjiduchu. ivlo dhaan quality-aa"),
]

TABLE["te"] = [
    # aurora
    ("aurora", "A3", N, NEU, "Curitiba lo naa caixa postal ki deliver chestara? intlo evaru undaru"),
    ("aurora", "A4", N, NEU, "నా ఆర్డర్ Correios ద్వారా వస్తోంది, వాళ్ళ వెబ్‌సైట్‌లో కూడా ట్రాక్ చేయొచ్చా?"),
    ("aurora", "A5", N, NEU, "mouse tho vachina USB receiver pogottukunna, mouse matram return teesukuntara?"),
    ("aurora", "A6", Y, NEU, "క్రెడిట్ కార్డ్ రిఫండ్ ఇచ్చి 7 పనిదినాలు అయింది, ఇంకా కనిపించలేదు, ఇది నార్మలేనా? ఎవరైనా చెక్ చేసి కాల్ చేయండి"),
    (
        "aurora",
        "A7",
        N,
        NEG,
        "naa smartwatch 5 months lone charge avvadam aagipoyindi, "
        "kinda padaledu, chala irritating. warranty lo vastunda?",
    ),
    ("aurora", "A8", N, NEU, "బ్రెజిల్ సైట్‌లో PayPal తో పే చేయొచ్చా?"),
    ("aurora", "A9", N, NEU, "అమెక్స్ కార్డ్ తో MXN 2,000 కి 3 MSI వస్తుందా?"),
    (
        "aurora",
        "A10",
        N,
        NEG,
        "brazil site lo konna, nota fiscal kosam ekkada request cheyyali? 2 rojulu vetiki alasipoyanu",
    ),
    ("aurora", "A11", N, POS, "మీ స్టోర్లు సూపర్ 👌 గ్వాడలహారాలో ఏ స్టోర్లో పికప్ చేసుకోవాలి?"),
    ("aurora", "A12", N, NEU, "price match adagalante emi pampali, eppudu adagali? konna tarvata aa mundu aa?"),
    ("aurora", "-", N, NEG, "Protege claim chesthe malli deductible emaina kattala? anni hidden charges laga unnayi"),
    ("aurora", "-", N, NEU, "ఒకే ఆర్డర్‌ని రెండు వేర్వేరు అడ్రస్‌లకు విడదీసి పంపొచ్చా?"),
    ("aurora", "-", N, NEU, "నా పేరు మీద ఆర్డర్ చేసి, రిసీవర్‌గా ఫ్రెండ్ పేరు పెట్టొచ్చా?"),
    ("aurora", "-", N, NEU, "aurora gift card balance online lo ela check cheyyali?"),
    ("aurora", "-", N, NEG, "వారంటీ రిపేర్ స్టేటస్ ఎక్కడ చూడాలి? 3 వారాలుగా ఏ సమాచారం లేదు"),
    ("aurora", "-", Y, NEU, "మా నాన్నగారికి కొత్త ల్యాప్‌టాప్ కొనాలి, ఎవరైనా ఫోన్ చేసి మోడల్ సలహా ఇవ్వగలరా?"),
    ("aurora", "-", Y, NEU, "Aurora Plus cancel cheyyali, membership team lo evarikaina connect cheyyandi please"),
    ("aurora", "-", Y, NEU, "రిటర్న్ ప్యాకేజ్ కొయోఆకాన్ స్టోర్లో ఇచ్చాను, రసీదు ఇవ్వలేదు. ఎవరైనా చెక్ చేయండి"),
    (
        "aurora",
        "-",
        Y,
        NEG,
        "bot naa question ki 2 paragraphs English essay ichindi, answer matram ledu. oka manishi tho matladali",
    ),
    (
        "aurora",
        "-",
        N,
        NEG,
        "kotha smart TV lo apps prathi 10 nimishalaki crash avutunnayi, full waste, chala disappointed",
    ),
    # solmar
    ("solmar", "S4", N, NEU, "Basic fare lo naa chinna backpack 40x30x15 lo pattutundi, adi seat kinda okay na?"),
    ("solmar", "S5", Y, NEU, "నా తమ్ముడు 15 ఏళ్ళు, స్కూల్ టూర్‌కి లండన్ వెళ్తున్నాడు, అమ్మానాన్న ఇద్దరూ సంతకం చేయాలా? ఎవరైనా కాల్ చేసి చెప్పండి"),
    ("solmar", "S6", N, NEU, "trip ki inka 10 rojulu undi, ippudu book chesi bank transfer tho pay cheyyocha?"),
    ("solmar", "S7", N, NEG, "బ్యాగ్ పోయి 3 రోజులైంది, చాలా కోపంగా ఉంది. లోపల 2,000 యూరోల సామాన్లు, Seguro Total ఎంత వరకు ఇస్తుంది?"),
    ("solmar", "S8", N, NEU, "5 raatrulu hotel lo maa kukka ki extra entha avutundi roughly?"),
    ("solmar", "S9", N, NEU, "ఆన్‌లైన్ చెక్-ఇన్ లింక్ మీరే పంపిస్తారా? ఎప్పుడు వస్తుంది?"),
    ("solmar", "S10", N, NEU, "Solmar Mexico phone number enti? akkada relatives tho kalisi book cheyyali"),
    ("solmar", "S11", N, POS, "Club Solmar చాలా బాగుంది 😊 నా దగ్గర 800 పాయింట్లు ఉన్నాయి, ఎంత డిస్కౌంట్ వస్తుంది?"),
    (
        "solmar",
        "S12",
        N,
        NEG,
        "booking appudu meeru company details adagaledu, 2 vaaralu "
        "ayyindi, ippudu company peru meeda invoice adagocha?",
    ),
    ("solmar", "-", N, NEU, "క్రూయిజ్‌లో లాండ్రీ సర్వీస్ ఫ్రీనా లేక ఎక్స్‌ట్రానా?"),
    ("solmar", "-", N, NEU, "solmar app lo nunchi booking direct ga cancel cheyyocha?"),
    ("solmar", "-", N, NEU, "హనీమూన్ ట్రిప్‌కి ఫోటోగ్రాఫర్‌ని కూడా మీరే బుక్ చేస్తారా?"),
    ("solmar", "-", N, NEU, "Solmar bono ni naa chelleliki gift ga ivvocha?"),
    ("solmar", "-", N, NEU, "ఇండియా నుండి బుక్ చేస్తే ధరలు రూపాయల్లో చూపిస్తారా?"),
    (
        "solmar",
        "-",
        Y,
        NEU,
        "naa passport Barcelona hotel lo marchipoyi train ekkesa, evaraina urgent ga call cheyyandi",
    ),
    ("solmar", "-", Y, NEU, "మా కంపెనీ ఇన్సెంటివ్ ట్రిప్ కోసం కార్పొరేట్ ట్రావెల్ చూసే వ్యక్తితో మాట్లాడాలి"),
    (
        "solmar",
        "-",
        Y,
        NEG,
        "bot prathi message lo 'Dear Sunil' antondi, naa peru Sunitha. inka chalu, manishi tho matladali",
    ),
    ("solmar", "-", N, NEG, "టూర్ బస్సులో మేము రిజర్వ్ చేసిన సీట్లు వేరేవాళ్ళకి ఇచ్చేశారు, రోజంతా వెనక నిలబడ్డాం. చాలా అవమానం"),
    # demo
    ("demo", "D9", Y, NEU, "ఆన్‌లైన్ ఆర్డర్‌కి బ్యాంక్ ట్రాన్స్‌ఫర్‌తో పే చేయొచ్చా? పేమెంట్ కన్ఫర్మ్ చేయడానికి ఎవరైనా కాల్ చేయండి"),
    ("demo", "D10", N, NEU, "మీ షాప్ ఫోన్ నంబర్, వాట్సాప్ నంబర్ ఒక్కటేనా? సేవ్ చేసుకోవాలి"),
    ("demo", "D1", N, NEU, "Friday sayantram 5 ki repair kosam bike teesukuvaste workshop teesukuntara?"),
    ("demo", "D2", N, NEU, "naa GPS lo mee shop raavatledu, full address cheppandi please"),
    ("demo", "D3", N, POS, "mee bikes chala bagunnayi 😍 700 euro bike online lo teesukunte delivery charge untunda?"),
    ("demo", "-", N, NEU, "అద్దె బైక్‌ని వేరే ఊరిలో వదిలేయొచ్చా?"),
    ("demo", "-", N, NEU, "e-bike ki extra battery kuda rent ki istara? long ride plan chestunna"),
    ("demo", "-", Y, NEG, "మెకానిక్‌తో నేరుగా మాట్లాడాలి, మూడు సార్లు సరిచేసినా నా గేర్లు మారట్లేదు, ఫోన్ ఇవ్వగలరా?"),
    (
        "demo",
        "-",
        Y,
        NEG,
        "online lo order chesina helmet vere colour lo vachindi, evaraina chusi correct cheyyandi. second time idi",
    ),
    ("demo", "-", N, NEG, "మీ దగ్గర కొన్న బైక్ మిర్రర్ రోడ్డు మీద వైబ్రేషన్‌కే విరిగిపోయింది. క్వాలిటీ ఇంతేనా"),
]

TABLE["fr"] = [
    ("aurora", "A13", N, NEU, "j'ai commandé hier soir, c'est toujours en traitement... je peux annuler sans frais?"),
    (
        "aurora",
        "A15",
        N,
        POS,
        "trop contente de la reprise de mon vieux téléphone 🙂 le crédit obtenu, il reste valable combien de temps?",
    ),
    (
        "aurora",
        "-",
        Y,
        NEU,
        "j'aimerais qu'un conseiller me rappelle au sujet d'une facture CFDI avec une erreur de raison sociale svp",
    ),
    (
        "solmar",
        "S13",
        Y,
        NEU,
        "on est 25 pour un evjf à ibiza, vous répondez en combien de temps à une demande de devis? "
        "et j'aimerais qu'un conseiller m'appelle",
    ),
    (
        "solmar",
        "S14",
        N,
        NEU,
        "mon fils est sourd, l'appel vidéo en langue des signes c'est possible un mercredi à 14h?",
    ),
    ("solmar", "-", N, NEG, "vos hôtels à lisbonne ont la clim? l'an dernier on a étouffé 😓"),
    ("demo", "D6", N, NEG, "vous réparez les vélos pliants d'une autre marque? l'autre atelier m'a planté 😩"),
]

TABLE["it"] = [
    ("aurora", "A14", N, NEU, "mi è arrivato un mouse con la rotella rotta, entro quante ore devo segnalarlo?"),
    (
        "aurora",
        "A16",
        Y,
        NEU,
        "rispondete anche in inglese? non parlo spagnolo... comunque vorrei parlare con un operatore",
    ),
    ("aurora", "A5", N, NEU, "posso riportare al negozio di pinheiros una cosa comprata online?"),
    ("solmar", "S3", N, NEG, "il tour in grecia me l'avete cancellato voi 😡 almeno mi ridate tutti i soldi?"),
    ("solmar", "S10", N, NEU, "a che ora chiude la chat il sabato? intendo ora di madrid"),
    ("solmar", "-", N, NEU, "sulle vostre crociere ci sono cabine per 5 persone?"),
    (
        "demo",
        "D3",
        N,
        POS,
        "adoro il vostro negozio! una catena nuova ordinata online in quanti giorni arriva di solito?",
    ),
]

TABLE["de"] = [
    ("aurora", "A7", N, NEU, "kann ich Protege zwei Wochen nach dem Kauf noch dazubuchen?"),
    (
        "aurora",
        "A14",
        N,
        NEU,
        "der Karton ist total eingedrückt angekommen, darf ich die Annahme beim Fahrer einfach verweigern?",
    ),
    ("aurora", "-", N, NEU, "gibt es mit Aurora Plus auch Rabatt auf Protege?"),
    ("solmar", "S7", N, NEU, "Seguro Solmar Total für zwei Wochen Mallorca zu zweit, was kostet das insgesamt?"),
    ("solmar", "S13", N, NEU, "was muss ich in die Mail für ein Gruppenangebot reinschreiben? wir sind 16 Leute"),
    (
        "solmar",
        "-",
        Y,
        NEU,
        "bitte ruft mich jemand zurück: unsere Fähre nach Ibiza fährt wegen Sturm nicht und das Hotel will "
        "trotzdem die erste Nacht",
    ),
    ("demo", "D9", N, NEG, "Ratenzahlung erst ab 500 €?? mein Rad kostet 480 €, geht das trotzdem irgendwie? 🙄"),
]

LANG_ORDER = ["en", "es", "pt", "hi", "ta", "te", "fr", "it", "de"]


# ----------------------------------------------------------------------------------------------------------------
# Checks and output
# ----------------------------------------------------------------------------------------------------------------
def headings_txt(path):
    """Numbered headings '<n>. <heading>' of a pypdf text dump, in order 1..N."""
    found, want = [], 1
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{1,2})\. (\S.*)$", line.strip())
        if m and int(m.group(1)) == want:
            found.append(f"{want}. {m.group(2).strip()}")
            want += 1
    return found


def headings_md(path):
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^##\s+(\d{1,2})\.\s+(\S.*)$", line)
        if m:
            found.append(f"{int(m.group(1))}. {m.group(2).strip()}")
    return found


def words(text):
    """Lower-cased words with accents stripped."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.findall(r"\w+", text)


def shingles(ws, n=5):
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def indic_blocks(text):
    """Set of Indic script ranges (hi/ta/te) whose letters occur in the text; 'other' for any other Indic block."""
    found = set()
    for ch in text:
        if "\u0900" <= ch <= "\u0dff":
            for lang, (lo, hi) in SCRIPT.items():
                if lo <= ch <= hi:
                    found.add(lang)
                    break
            else:
                found.add("other")
    return found


def check(faq_texts):
    errors = []
    # heading table against the FAQ files
    parsed = {
        "A": headings_txt(EVAL_DIR / "aurora-faq.txt"),
        "S": headings_txt(EVAL_DIR / "solmar-faq.txt"),
        "D": headings_md(DEMO_FAQ),
    }
    for letter, found in parsed.items():
        table = [HEADINGS[k] for k in sorted((k for k in HEADINGS if k[0] == letter), key=lambda k: int(k[1:]))]
        if table != found:
            errors.append(f"heading table for {CODE_TENANT[letter]} differs from the FAQ: {table} != {found}")

    faq_shingles = set()
    for t in faq_texts:
        faq_shingles |= shingles(words(t))

    if list(TABLE) != LANG_ORDER:
        errors.append(f"blocks {list(TABLE)} != {LANG_ORDER}")
    seen = Counter()
    coverage = Counter()
    for lang, rows in TABLE.items():
        counts = {t: [0, 0, 0, 0] for t in ("aurora", "solmar", "demo")}
        native = Counter()
        total = Counter()
        mood = Counter()
        for i, row in enumerate(rows, 1):
            where = f"{lang} row {i}"
            if len(row) != 5:
                errors.append(f"{where}: expected 5 fields, got {len(row)}")
                continue
            tenant, code, wh, sentiment, text = row
            where = f"{where} ({text[:40]!r})"
            if tenant not in counts:
                errors.append(f"{where}: unknown tenant {tenant!r}")
                continue
            if code != "-":
                if code not in HEADINGS:
                    errors.append(f"{where}: unknown section code {code!r}")
                elif CODE_TENANT[code[0]] != tenant:
                    errors.append(f"{where}: section code {code} does not belong to tenant {tenant}")
                else:
                    coverage[code] += 1
            if not isinstance(wh, bool):
                errors.append(f"{where}: wants_human is not a bool")
            if sentiment not in (NEU, NEG, POS):
                errors.append(f"{where}: bad sentiment {sentiment!r}")
            mood[sentiment] += 1
            if not isinstance(text, str) or not 20 <= len(text) <= 170:
                errors.append(f"{where}: text length {len(text)} outside 20-170")
            if text != text.strip():
                errors.append(f"{where}: leading or trailing white space")
            seen[text] += 1
            shared = shingles(words(text)) & faq_shingles
            if shared:
                errors.append(f"{where}: shares five words with an FAQ: {' '.join(sorted(shared)[0])!r}")
            blocks = indic_blocks(text)
            if lang in SCRIPT:
                if blocks - {lang}:
                    errors.append(f"{where}: letters of another Indic script {sorted(blocks - {lang})}")
                native[tenant] += lang in blocks
            elif blocks:
                errors.append(f"{where}: Indic letters in a {lang} row")
            total[tenant] += 1
            slot = (0 if code != "-" else 2) + (1 if wh else 0)
            counts[tenant][slot] += 1
        for tenant, want in DESIGN[lang].items():
            if tuple(counts[tenant]) != want:
                errors.append(f"{lang} {tenant}: counts {tuple(counts[tenant])} != designed {want}")
            if lang in SCRIPT and 2 * native[tenant] != total[tenant]:
                errors.append(
                    f"{lang} {tenant}: {native[tenant]} of {total[tenant]} rows in native script, must be half"
                )
        pos, neg_lo, neg_hi = MOOD[lang]
        if mood[POS] != pos or not neg_lo <= mood[NEG] <= neg_hi:
            errors.append(f"{lang}: {mood[POS]} positive / {mood[NEG]} negative, designed {pos} / {neg_lo}-{neg_hi}")
    for text, n in seen.items():
        if n > 1:
            errors.append(f"text occurs {n} times: {text!r}")
    for code in HEADINGS:
        if not 3 <= coverage[code] <= 5:
            errors.append(f"section {code} ({HEADINGS[code]}) has {coverage[code]} answerable rows, designed 3-5")
    return errors


def main():
    paths = [EVAL_DIR / "aurora-faq.txt", EVAL_DIR / "solmar-faq.txt", DEMO_FAQ]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(
            "FAQ file(s) not found: " + ", ".join(missing) + " (set EVAL_DIR / DEMO_FAQ); nothing written",
            file=sys.stderr,
        )
        sys.exit(1)
    errors = check([p.read_text(encoding="utf-8") for p in paths])
    if errors:
        print(f"{len(errors)} problem(s); nothing written:", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)

    number = Counter()
    lines = []
    for lang in LANG_ORDER:
        for tenant, code, wh, sentiment, text in TABLE[lang]:
            number[tenant] += 1
            msg = {
                "id": f"{PREFIX}-{tenant}-{number[tenant]:03d}",
                "tenant": tenant,
                "text": text,
                "language": lang,
                "answerable": code != "-",
                "section": HEADINGS[code] if code != "-" else None,
                "wants_human": wh,
                "sentiment": sentiment,
            }
            lines.append(json.dumps(msg, ensure_ascii=False))
    out = HERE / "messages.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} messages to {out}")


if __name__ == "__main__":
    main()
