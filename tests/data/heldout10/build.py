#!/usr/bin/env python3
"""Build heldout10/messages.jsonl from the hand-written table below.

Every row was written and labelled by hand, one at a time. A row is
    (tenant, section code, wants_human, sentiment, text)
Tenants: A = aurora, S = solmar, D = demo. Section codes: "A7" = aurora section 7, "S3" = solmar section 3,
"D5" = demo section 5, "-" = not answerable (section null). Sentiments: "pos", "neu", "neg".
The row's language is the language of the block it sits in.

Before writing, the script checks (and on any failure writes nothing and exits with status 1):
  - the heading table below equals the numbered headings parsed from the three FAQ files;
  - every section code belongs to the row's tenant;
  - every text is 20-170 characters long and no text occurs twice;
  - no text shares a run of five consecutive words with any FAQ text (lower case, accents removed);
  - hi/ta/te: exactly half of each tenant's rows are in the language's own script and the other half
    contain no Indic letters; rows of the other languages contain no Indic letters;
  - each language has its designed number of rows per tenant.

FAQ locations: EVAL_DIR (aurora-faq.txt, solmar-faq.txt; default ../shared/eval next to the repository root)
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
OUT = HERE / "messages.jsonl"
PREFIX = "h10"

TENANTS = {"A": "aurora", "S": "solmar", "D": "demo"}
SENTIMENT = {"pos": "positive", "neu": "neutral", "neg": "negative"}

HEADINGS = {
    "aurora": [
        "1. Shipping times",
        "2. Shipping costs",
        "3. International shipping",
        "4. Order tracking",
        "5. Returns",
        "6. Refund timing",
        "7. Warranty",
        "8. Payment methods",
        "9. Installments (meses sin intereses)",
        "10. Invoices (CFDI / nota fiscal)",
        "11. Store pickup locations and hours",
        "12. Price match",
        "13. Order cancellation",
        "14. Damaged or wrong items",
        "15. Trade-in program",
        "16. Customer support hours and channels",
    ],
    "solmar": [
        "1. Reservas",
        "2. Cambios de fecha",
        "3. Cancelaciones y reembolsos",
        "4. Equipaje",
        "5. Documentación y visados",
        "6. Formas de pago y cuotas",
        "7. Seguro de viaje",
        "8. Viajar con mascotas",
        "9. Check-in online",
        "10. Horario de atención",
        "11. Promociones y cupones",
        "12. Facturación",
        "13. Grupos y eventos",
        "14. Accesibilidad",
    ],
    "demo": [
        "1. Opening hours",
        "2. Address and parking",
        "3. Delivery",
        "4. Returns",
        "5. Warranty",
        "6. Repairs and servicing",
        "7. Bike rental",
        "8. Trade-in of used bikes",
        "9. Payment methods",
        "10. Contact us",
    ],
}

# designed rows per language: (aurora, solmar, demo)
DESIGN = {
    "en": (20, 18, 10),
    "es": (20, 18, 10),
    "pt": (20, 18, 10),
    "hi": (20, 18, 10),
    "ta": (20, 18, 10),
    "te": (20, 18, 10),
    "fr": (3, 3, 1),
    "it": (3, 3, 1),
    "de": (3, 3, 1),
}

A, S, D = "A", "S", "D"
T, F = True, False

# ---------------------------------------------------------------------------------------------------------------
# The table. One block per language; inside a block: aurora, solmar, demo.
# ---------------------------------------------------------------------------------------------------------------
ROWS = {}

ROWS["en"] = [
    # aurora
    (A, "A1", F, "neu", "ordered a laptop on saturday morning — when will it actually leave your warehouse?"),
    (A, "A2", F, "neu", "my cart is at MXN 870 right now, do i pay for delivery or is it free?"),
    (A, "A3", F, "neu", "I live in Laredo, Texas. Can I buy on the Mexican site and have it shipped to me here?"),
    (
        A,
        "A4",
        F,
        "neg",
        "estafeta 'tried' to deliver twice while I was literally at home. if they fail a 3rd time what happens to my order??",
    ),
    (
        A,
        "A5",
        F,
        "pos",
        "Loving the PS5 I got from you guys! One of the games I bought isn't for me though, already took the wrap off. can I still send it back?",
    ),
    (
        A,
        "A6",
        T,
        "neu",
        "Paid with PayPal and my return reached you on Tuesday. How many days until I see the money? Honestly I'd rather someone on your team looked at my case",
    ),
    (
        A,
        "A7",
        F,
        "neu",
        "spilled coffee on the keyboard of my aurora laptop (4 months old). would the warranty cover that?",
    ),
    (A, "A8", F, "neu", "do you take cash when the package is delivered? my dad doesn't use cards"),
    (A, "A9", F, "neu", "can i get 9 months interest-free on a MXN 2,400 headset with my Banorte card?"),
    (A, "A10", F, "neg", "still no XML two days after I requested my CFDI... how long is this supposed to take??"),
    (A, "-", F, "neu", "does Aurora Plus renew automatically every year, or do I have to pay again myself?"),
    (A, "-", F, "neg", "Protege was pricey enough — does it at least cover my phone if it gets stolen?"),
    (A, "-", F, "neu", "moving to São Paulo next month. can I spend my Aurora store credit on the Brazilian site?"),
    (A, "-", F, "neu", "when you deliver the new fridge, can the driver take away my old one?"),
    (A, "-", F, "neg", "why is there no student discount anywhere on your site?? do you have one or not"),
    (
        A,
        "-",
        T,
        "neg",
        "I've rephrased this four times and just keep getting links. put me through to somebody who can actually read",
    ),
    (
        A,
        "-",
        T,
        "neu",
        "I need to talk to whoever handles corporate purchases, we're looking at 40 laptops for our office",
    ),
    (A, "-", T, "neu", "could someone from Aurora get in touch with me about the carrier investigation on my order?"),
    (
        A,
        "-",
        T,
        "neg",
        "I'd like this escalated to a supervisor. my trade-in credit never showed up and it's been weeks",
    ),
    (
        A,
        "-",
        F,
        "neg",
        "the soundbar buzzes at every volume level. really disappointed, this was my first order with you",
    ),
    # solmar
    (
        S,
        "S1",
        F,
        "pos",
        "Our Crete trip with you was amazing so we booked again! Deposit's paid — by when is the rest due for a late September departure?",
    ),
    (
        S,
        "S2",
        F,
        "neg",
        "ugh, I bought a Basic fare and now need to fly two days later. am I seriously not able to change it?",
    ),
    (S, "S3", F, "neu", "if we cancel our Lisbon package about two months before we leave, how much do we lose?"),
    (
        S,
        "S4",
        F,
        "neu",
        "taking my golf clubs to the Algarve — how far ahead do I need to tell you and what's the charge?",
    ),
    (
        S,
        "S5",
        F,
        "neu",
        "My passport runs out in 4 months and we fly to Cancún in 3 weeks. Is that going to be a problem?",
    ),
    (S, "S6", F, "neu", "can I pay at your Madrid office in cash? it's around 800 euros"),
    (
        S,
        "S7",
        F,
        "neu",
        "does the insurance that comes with the package pay out if we have to cancel? my wife might need surgery",
    ),
    (
        S,
        "S8",
        T,
        "neu",
        "Can I take both my chihuahuas (3 kg each) in the cabin with me? I'd rather sort this out with an actual agent tbh",
    ),
    (S, "S10", F, "neu", "do you have a phone line in Mexico, and what hours is it open?"),
    (S, "-", F, "neu", "does Seguro Solmar Total cover the excess if I damage a rental car?"),
    (S, "-", F, "neu", "is the hotel in the Riviera Maya package all-inclusive with drinks or only meals?"),
    (S, "-", F, "neu", "when I book a package can I pick seats so the kids sit next to us on the plane?"),
    (S, "-", F, "neg", "years in Club Solmar and never a single birthday offer. do you even do those??"),
    (S, "-", F, "neu", "what do I need to apply for Solmar Pago Flex? do you run a credit check?"),
    (
        S,
        "-",
        T,
        "neg",
        "the excursion coach you booked got us back late and the ship left Naples without us. I need someone from Solmar on the phone right now",
    ),
    (
        S,
        "-",
        T,
        "neu",
        "could a person help me plan a honeymoon in Japan over the phone? way too many questions for a chat",
    ),
    (
        S,
        "-",
        T,
        "neg",
        "you answered about baggage when I asked about my refund. again. please hand me over to someone",
    ),
    (
        S,
        "-",
        F,
        "neg",
        "Our hotel in Tenerife had no hot water for three days and reception just shrugged. Very poor for what we paid.",
    ),
    # demo
    (
        D,
        "D1",
        F,
        "pos",
        "you lot are brilliant btw. are you open later in December? want to grab a gift after work around 7:30",
    ),
    (D, "D2", F, "neu", "my mum uses a wheelchair, can she get into the shop without any steps?"),
    (
        D,
        "D3",
        T,
        "neu",
        "I'm about 6 km from you — do you drop bikes off with your own van, and on which days? easier if someone just rang me to arrange it",
    ),
    (D, "D4", F, "neu", "bought a helmet last week, wore it twice, it doesn't fit great. can I return it?"),
    (
        D,
        "D5",
        F,
        "neu",
        "the frame on the bike I bought from you 6 years ago has cracked. I'm the original owner, is it covered?",
    ),
    (D, "-", F, "neu", "do you rent tandems? planning a weekend ride with my girlfriend"),
    (D, "-", F, "neu", "could you store my bike over the winter? I have no space in my flat"),
    (D, "-", T, "neg", "is the owner around? I want a word with them about how my e-bike repair was handled"),
    (D, "-", T, "neu", "can somebody from the shop phone me back about a quote for three kids' bikes?"),
    (
        D,
        "-",
        F,
        "neg",
        "picked my bike up from the workshop yesterday and the rear wheel wobbles like crazy. not impressed.",
    ),
]

ROWS["es"] = [
    # aurora
    (
        A,
        "A11",
        F,
        "neu",
        "oigan, mi pedido ya está listo en Polanco pero yo no puedo ir, ¿lo puede recoger mi asistente de la oficina?",
    ),
    (
        A,
        "A12",
        F,
        "neu",
        "vi la misma pantalla Samsung más barata en Amazon pero la vende un tercero, ¿me igualan el precio?",
    ),
    (A, "A13", F, "neu", "acabo de pagar hace como 20 min y me equivoqué de color 🙈 ¿todavía alcanzo a cancelar?"),
    (A, "A14", F, "neu", "el repartidor está en mi puerta y la caja viene toda aplastada, ¿la recibo o qué hago?"),
    (A, "A15", F, "neu", "tengo un PlayStation 4 que ya no uso, ¿me lo aceptan a cambio de crédito?"),
    (A, "A16", F, "neu", "¿en fin de semana hasta qué hora contestan por WhatsApp?"),
    (A, "A1", F, "neu", "vivo en Tuxtla Gutiérrez, ¿cuántos días tarda en llegarme un pedido con envío normal?"),
    (
        A,
        "A2",
        F,
        "pos",
        "me encantaron los precios de sus lavadoras 😍 ¿cuánto cobran de envío por una y me la pueden mandar express?",
    ),
    (
        A,
        "A3",
        T,
        "neu",
        "quiero regalarle un celular a mi tío que vive en Bogotá, ¿hacen envíos a Colombia? mejor pásenme con un asesor",
    ),
    (
        A,
        "A4",
        F,
        "neg",
        "mi paquete lleva 6 días hábiles sin moverse en DHL, ¿ustedes qué hacen en esos casos? ya me desesperé",
    ),
    (A, "-", F, "neu", "¿el crédito que me dieron por mi trade-in se lo puedo pasar a mi hermana?"),
    (A, "-", F, "neu", "¿en la tienda de San Pedro tienen laptops encendidas para probarlas antes de comprar?"),
    (A, "-", F, "neu", "¿en la sucursal me configuran el celular nuevo y me pasan los contactos del viejo?"),
    (A, "-", F, "neg", "ya van dos veces que se agota lo que quiero 😒 ¿me pueden avisar cuando vuelva a haber?"),
    (A, "-", F, "neg", "pagué Aurora Plus y casi no lo he usado, qué coraje. ¿si lo cancelo me regresan algo?"),
    (
        A,
        "-",
        T,
        "neu",
        "¿me puede marcar alguien de Aurora? no tengo Plus pero me hicieron un cargo doble en la tarjeta",
    ),
    (A, "-", T, "neg", "ya me cansé de hablar con una máquina, pásame con quien sea que trabaje ahí"),
    (A, "-", T, "neu", "necesito que un asesor revise mi cuenta, aparecen pedidos que yo no hice"),
    (A, "-", T, "neg", "es la tercera vez que escribo por lo del reembolso. quiero que me atienda un supervisor"),
    (A, "-", F, "neg", "pedí una freidora de aire y me llegó una plancha de ropa. qué mal servicio, eh"),
    # solmar
    (S, "S10", F, "neu", "¿el WhatsApp de Solmar atiende también los domingos?"),
    (S, "S11", F, "neu", "se me olvidó meter el cupón al pagar la reserva de ayer, ¿me lo podéis aplicar ahora?"),
    (
        S,
        "S12",
        F,
        "neu",
        "en la factura sale mal mi dirección y me la enviasteis hace dos meses, ¿todavía se puede corregir?",
    ),
    (
        S,
        "S13",
        F,
        "pos",
        "¡nos casamos! queremos celebrar la boda en Punta Cana con unos 60 invitados, ¿eso lo organizáis vosotros?",
    ),
    (S, "S14", F, "neu", "mi madre es sorda, ¿tenéis atención en lengua de signos?"),
    (S, "S1", F, "neu", "tengo 17 años y quiero reservar un viaje a Ibiza con mis amigos, ¿puedo ir yo como titular?"),
    (
        S,
        "S2",
        F,
        "neg",
        "qué desastre, pusieron mi apellido como Gonzales en vez de González. ¿encima me cobráis por arreglarlo?",
    ),
    (
        S,
        "S3",
        F,
        "neg",
        "cancelamos el crucero hace 3 semanas y el dinero sigue sin aparecer en la tarjeta, ¿cuánto se supone que tarda?",
    ),
    (
        S,
        "S4",
        T,
        "neu",
        "¿cuánto cuesta añadir otra maleta en el vuelo a Cancún? prefiero que me llame alguien de la oficina para hacerlo",
    ),
    (S, "-", F, "neu", "¿el Seguro Solmar Total cubre enfermedades que ya tenía antes del viaje?"),
    (S, "-", F, "neu", "¿en los cruceros vienen incluidas las excursiones en cada puerto o se pagan aparte?"),
    (S, "-", F, "neg", "la app no me deja descargar el bono en PDF, ¿se puede o no se puede? vaya tela"),
    (S, "-", F, "neu", "¿hacéis algún descuento a jubilados en los paquetes?"),
    (S, "-", F, "neu", "¿qué vacunas hacen falta para viajar a Tailandia?"),
    (
        S,
        "-",
        T,
        "neu",
        "nos han adelantado 5 horas el vuelo de vuelta desde Lima y no llegamos. necesito que alguien de Solmar lo gestione ya",
    ),
    (
        S,
        "-",
        T,
        "neu",
        "¿me podría atender un asesor por teléfono? mi padre quiere contratar un viaje y con el chat no se aclara",
    ),
    (S, "-", T, "neg", "me estás dando largas. quiero hablar con una persona, no con un menú de opciones"),
    (
        S,
        "-",
        F,
        "neg",
        "Pedimos cama de matrimonio para la luna de miel y nos dieron dos camas separadas. Qué desastre.",
    ),
    # demo
    (D, "D6", F, "neu", "¿arregláis bicis de otras marcas o solo las que vendéis vosotros?"),
    (D, "D7", F, "pos", "¡qué buena idea lo del alquiler! ¿cuánto sale una eléctrica una semana entera?"),
    (D, "D8", F, "neu", "tengo la bici de mi hijo pequeño que ya no usa, ¿me la descontáis si me compro una nueva?"),
    (
        D,
        "D9",
        T,
        "neu",
        "¿se puede pagar a plazos una bici de 450 euros? si no, que me llame alguien para ver otra opción",
    ),
    (D, "D10", F, "neu", "¿tenéis un correo para mandaros fotos de una rueda rota?"),
    (D, "-", F, "neu", "¿hacéis revisiones a domicilio o hay que llevar la bici sí o sí?"),
    (D, "-", F, "neg", "¿en serio no tenéis descuento para clubes ciclistas? en la otra tienda sí"),
    (D, "-", T, "neg", "os dejé la bici hace 4 días y nadie me dice nada. quiero hablar con el encargado del taller"),
    (D, "-", T, "neu", "¿alguien del equipo me puede asesorar por teléfono sobre qué eléctrica comprar? tengo 68 años"),
    (D, "-", F, "neg", "Compré una cámara para la rueda y venía pinchada de fábrica. Muy mal."),
]

ROWS["pt"] = [
    # aurora
    (A, "A5", F, "neu", "comprei um fone intra-auricular, abri o lacre e não curti o som. dá pra devolver?"),
    (A, "A6", F, "neu", "paguei com boleto e já devolvi o produto, como recebo o dinheiro de volta?"),
    (
        A,
        "A7",
        F,
        "neg",
        "que absurdo, meu notebook deu defeito com 10 meses. levei numa assistência do bairro que abriu ele, ainda tenho garantia?",
    ),
    (A, "A8", F, "pos", "amo comprar com vcs!! aceitam Hipercard no site do Brasil?"),
    (A, "A9", F, "neu", "queria parcelar um fone de R$ 300 em 10x sem juros, rola?"),
    (A, "A10", F, "neu", "comprei no meu CPF mas precisava da nota no CNPJ da empresa, a NF-e já saiu. dá pra trocar?"),
    (A, "A11", F, "neu", "a loja da Barra da Tijuca abre domingo? que horas?"),
    (
        A,
        "A12",
        T,
        "neu",
        "achei a mesma air fryer mais barata na Magazine Luiza, vcs cobrem o preço? queria resolver isso com um atendente",
    ),
    (A, "A13", F, "neu", "cancelei o pedido antes de sair do estoque, o valor do frete volta também?"),
    (A, "A14", F, "neg", "que decepção, o micro-ondas chegou ontem com a porta solta. que fotos vocês precisam?"),
    (A, "-", F, "neu", "vocês emprestam um notebook enquanto o meu fica no conserto da garantia?"),
    (A, "-", F, "neu", "posso dar uma assinatura do Aurora Plus de presente pra minha mãe?"),
    (
        A,
        "-",
        F,
        "neg",
        "cansei de esperar 30 dias por conserto. a loja de Pinheiros tem assistência técnica que resolve na hora?",
    ),
    (A, "-", F, "neg", "sério que vocês não têm cupom de primeira compra? todo site tem"),
    (A, "-", F, "neu", "o crédito que ganhei no trade-in dá pra usar pra pagar o Aurora Plus?"),
    (A, "-", T, "neg", "tem como uma pessoa de verdade me ajudar? esse robô não entende nada do que eu escrevo"),
    (A, "-", T, "neg", "preciso que alguém do setor de trocas me responda por email, pelo chat não resolve"),
    (A, "-", T, "neu", "gostaria de ser atendida por alguém que entenda de notebook gamer antes de fechar a compra"),
    (A, "-", T, "neg", "vocês podem passar meu caso pra um supervisor? o pedido sumiu e ninguém me explica nada"),
    (A, "-", F, "neg", "comprei um liquidificador e veio sem a tampa do copo. bem chato isso."),
    # solmar
    (S, "S5", F, "neu", "vcs tiram o visto eletrônico pro Quênia? quanto sai por pessoa?"),
    (S, "S6", F, "neu", "moro em Buenos Aires, consigo parcelar o pacote? em quantas vezes sem juros?"),
    (S, "S7", F, "pos", "adoramos a última viagem com vocês! quanto custa o Seguro Solmar Total pra 10 dias no Japão?"),
    (
        S,
        "S8",
        F,
        "neu",
        "vou levar minha cachorrinha pro México, além do microchip precisa de algum atestado do veterinário?",
    ),
    (S, "S9", F, "neu", "quando vocês mandam o lembrete do check-in online?"),
    (S, "S10", T, "neu", "vcs atendem em português? se sim, quero falar com alguém da equipe pelo WhatsApp"),
    (S, "S11", F, "neg", "que pegadinha esse cupom de 20 euros da newsletter... vale pra uma reserva de 350 ou não?"),
    (S, "S12", F, "neu", "moro em Bogotá, a fatura de vocês sai validada pela DIAN?"),
    (S, "S13", F, "neu", "sou organizadora de um congresso médico, em quanto tempo vocês mandam o orçamento?"),
    (S, "-", F, "neu", "dá pra trocar o seguro básico do pacote por um de outra seguradora e ganhar desconto?"),
    (S, "-", F, "neu", "tem pacote pra Itália com guia que fala português?"),
    (S, "-", F, "neg", "não acredito que o hotel cobrou taxa de turismo à parte. isso vocês reembolsam?"),
    (S, "-", F, "neu", "dá pra juntar os pontos do Club Solmar com o programa de milhas da companhia aérea?"),
    (S, "-", F, "neu", "o hotel do pacote em Punta Cana tem berço pro bebê no quarto?"),
    (S, "-", T, "neg", "vocês estão me enrolando há uma semana com esse reembolso. quero falar com um responsável"),
    (
        S,
        "-",
        T,
        "neu",
        "tem algum atendente que possa me ligar e ir explicando passo a passo? sou meio perdida com essas coisas",
    ),
    (
        S,
        "-",
        T,
        "neu",
        "estou no aeroporto de Lisboa e a companhia diz que minha reserva não existe, alguém me ajuda urgente",
    ),
    (
        S,
        "-",
        F,
        "neg",
        "A excursão pra Sintra foi cancelada na hora e ninguém avisou, perdemos a manhã inteira. Péssimo.",
    ),
    # demo
    (D, "D1", F, "pos", "a oficina de vocês é top! até que horas posso deixar a bike lá no sábado?"),
    (D, "D2", F, "neu", "posso deixar minha bike trancada aí na frente enquanto escolho uns acessórios?"),
    (D, "D3", F, "neu", "se eu comprar uma bike numa terça às 11h ela sai no mesmo dia? e chega montada?"),
    (
        D,
        "D4",
        T,
        "neu",
        "quero devolver uma capa de chuva que nem usei, tenho que pagar o frete de volta? prefiro resolver falando com alguém",
    ),
    (D, "D5", F, "neu", "levei um tombo e quebrei o câmbio da bike, a garantia cobre?"),
    (D, "-", F, "neu", "vocês vendem bike infantil com rodinha?"),
    (D, "-", F, "neu", "tem desconto pra quem vai de bike pro trabalho, tipo convênio com empresa?"),
    (D, "-", T, "neg", "o orçamento veio o dobro do combinado. quero conversar com alguém responsável aí"),
    (D, "-", T, "neu", "preciso de alguém da oficina pra olhar minha bike hoje ainda, uso ela pra trabalhar amanhã"),
    (D, "-", F, "neg", "a corrente que comprei aí arrebentou na primeira semana, que raiva."),
]

ROWS["hi"] = [
    # aurora
    (
        A,
        "A15",
        F,
        "pos",
        "Aurora से हर बार शॉपिंग बढ़िया रही! मेरी पुरानी स्मार्टवॉच ठीक से ऑन होती है, क्या उसे trade-in में दे सकते हैं?",
    ),
    (A, "A16", F, "neu", "aap log English mein bhi reply karte ho kya? meri Spanish thodi weak hai"),
    (A, "A1", F, "neg", "पिछली बार आपका पार्सल तीन हफ़्ते में आया था। Manaus में आम तौर पर कितने दिन लगते हैं?"),
    (A, "A2", F, "neu", "Brazil mein Aurora Plus ka saal ka kitna lagta hai? usme express delivery free milti hai na?"),
    (A, "A3", F, "neu", "मैंने मेक्सिको वाली साइट से ऑर्डर किया है, क्या इस पर कस्टम ड्यूटी देनी पड़ेगी?"),
    (A, "A4", F, "neg", "tracking number abhi tak mila hi nahi, ye aata kahan hai? bahut confusing hai yaar"),
    (A, "A5", F, "neu", "ब्लैक फ्राइडे पर ब्राज़ील से लिया टैबलेट क्या जनवरी की 10 तारीख को लौटा सकती हूँ?"),
    (
        A,
        "A6",
        T,
        "neg",
        "refund ke bajaye store credit lun toh kitna bonus milega? aur please kisi insaan se baat karwa do, bot pe bharosa nahi",
    ),
    (A, "A7", F, "neu", "MXN 9,000 वाले लैपटॉप पर 12 महीने का Protege कितने का पड़ेगा?"),
    (A, "A8", F, "neu", "ek order ka payment teen alag cards se kar sakte hain kya?"),
    (A, "-", F, "neu", "क्या Aurora Plus की मेंबरशिप मेक्सिको और ब्राज़ील दोनों साइट पर चलती है?"),
    (A, "-", F, "neg", "app mein wishlist ka option kyun nahi hai? hai toh kahan chhupa rakha hai?"),
    (A, "-", F, "neu", "क्या आपकी दुकानों में फोन की बैटरी पैसे देकर बदलवा सकते हैं?"),
    (A, "-", F, "neu", "Aurora ka koi referral program hai kya? dost ko refer karun toh mujhe kuch milega?"),
    (A, "-", F, "neu", "क्या Coyoacán वाले स्टोर में iPhone 16 अभी स्टॉक में है?"),
    (A, "-", T, "neg", "bas karo bot, mujhe abhi kisi human agent se connect karo"),
    (A, "-", T, "neu", "क्या किसी प्रतिनिधि से मेरी सीधी बात हो सकती है? चैट पर लिखना मुश्किल लगता है"),
    (
        A,
        "-",
        T,
        "neu",
        "koi mera case personally follow up kar sakta hai? warranty repair ka status samajh nahi aa raha",
    ),
    (A, "-", T, "neg", "तीन बार शिकायत कर चुका हूँ, कोई जवाब नहीं आया। अब मैं सीधे आपके मैनेजर से बात करूँगा।"),
    (A, "-", F, "neg", "headphones ka ek side pehle hi din se bilkul nahi chal raha. bahut disappointed hoon"),
    # solmar
    (S, "S14", F, "neu", "मेरे पिताजी बैसाखी और व्हीलचेयर दोनों लेकर जाएंगे, क्या दोनों का कोई चार्ज लगेगा?"),
    (
        S,
        "S1",
        F,
        "pos",
        "Solmar ke saath pichli trip superb thi! booking ke baad localizador email pe kitni der mein aata hai?",
    ),
    (S, "S2", F, "neu", "यात्रा में अभी दो महीने बाकी हैं, पैकेज की तारीख बदलवाने का कितना चार्ज लगेगा?"),
    (
        S,
        "S3",
        T,
        "neu",
        "refund ki jagah Solmar ka bono lun toh kitna extra milega aur kab tak chalega? ek baar agent se confirm karna hai",
    ),
    (S, "S4", F, "neu", "पैकेज वाली फ्लाइट में हैंड बैग का साइज़ और वज़न कितना चल सकता है?"),
    (S, "S5", F, "neu", "Spanish passport hai, USA ke liye ESTA kitne time pehle apply karna hota hai?"),
    (S, "S6", F, "neu", "क्या बुकिंग का पेमेंट चेक से कर सकते हैं?"),
    (S, "S7", F, "neu", "trip pe emergency ho jaye toh insurance assistance ka number kahan milega?"),
    (S, "S8", F, "neu", "हमारा लैब्राडोर 30 किलो का है, उसे फ्लाइट के कार्गो में ले जाने का कितना खर्च आएगा?"),
    (S, "-", F, "neu", "Dubai package mein desert safari included hai ya alag se book karna padega?"),
    (S, "-", F, "neu", "क्या Club Solmar के पॉइंट्स किसी रिश्तेदार को ट्रांसफर कर सकते हैं?"),
    (
        S,
        "-",
        F,
        "neg",
        "pichli baar aapki team ne visa ki galat info di thi. ab batao, Indian passport pe Schengen visa kitne din mein milta hai?",
    ),
    (S, "-", F, "neu", "सिंगापुर वाले पैकेज में यूनिवर्सल स्टूडियोज़ का टिकट शामिल है क्या?"),
    (S, "-", F, "neu", "honeymoon couples ko koi special discount ya room upgrade milta hai kya?"),
    (S, "-", T, "neu", "मेरी बेटी पहली बार अकेले विदेश जा रही है, मैं किसी एजेंट से फ़ोन पर सब समझना चाहता हूँ"),
    (S, "-", T, "neg", "ek hafte se mail kar raha hoon, koi reply nahi aaya. please koi mujhe call karo"),
    (S, "-", T, "neg", "यह चैटबॉट किसी काम का नहीं है, मुझे किसी असली इंसान से जोड़िए"),
    (S, "-", F, "neg", "tour bus ka AC poore din kharab tha, 40 degree garmi mein. bilkul bekaar arrangement"),
    # demo
    (D, "D6", F, "neu", "छोटे-मोटे काम के लिए भी वर्कशॉप का अपॉइंटमेंट लेना ज़रूरी है क्या?"),
    (
        D,
        "D7",
        F,
        "pos",
        "aapki rental service mast hai! bike ke saath helmet aur lock milta hai ya alag se lena padega?",
    ),
    (D, "D8", T, "neu", "क्या आप मेरी पुरानी साइकिल नकद में खरीदेंगे? दुकान से कोई मुझे फ़ोन करके बता दे"),
    (D, "D9", F, "neu", "shop pe Google Pay se payment le lete ho?"),
    (D, "D10", F, "neu", "वर्कशॉप का कोई अर्जेंट सवाल हो तो WhatsApp करूँ या फ़ोन?"),
    (D, "-", F, "neu", "kya aap purani e-bike battery recycle karte ho? ghar pe padi hai"),
    (D, "-", F, "neu", "क्या आप साइकिल का चोरी वाला बीमा भी बेचते हैं?"),
    (D, "-", T, "neg", "do din se service ke update ka wait kar raha hoon. kisi mechanic se seedha baat karwao"),
    (D, "-", T, "neu", "मुझे फ्रेम साइज़ के बारे में दुकान के किसी एक्सपर्ट से बात करनी है"),
    (D, "-", F, "neg", "nayi bike ki ghanti pehle hi din toot gayi, quality bahut kharab hai"),
]

ROWS["ta"] = [
    # aurora
    (A, "A9", F, "neu", "HSBC கிரெடிட் கார்டுல MXN 5,000 போனுக்கு 12 மாசம் வட்டி இல்லாம கட்ட முடியுமா?"),
    (A, "A10", F, "neu", "store la vaangina laptop ku CFDI eppadi vaanguradhu? website la option kaattala"),
    (A, "A11", F, "neu", "ஸ்டாக்ல இருக்குற பொருளை கடையில பிக்கப் பண்ண எவ்வளவு நேரம் ஆகும்?"),
    (
        A,
        "A12",
        F,
        "neg",
        "Amazon Brasil la Black Friday offer la vilai kammiya irukku, neenga eppavum costly dhaan. price match pannuveengala?",
    ),
    (A, "A13", F, "neu", "OXXO-ல பணம் கட்டாம விட்டுட்டா ஆர்டர் தானா கேன்சல் ஆயிடுமா? ஏதாவது கட்டணம் உண்டா?"),
    (
        A,
        "A14",
        T,
        "neu",
        "wrong model vandhuruchu, return courier charge naan kattanuma? yaaravadhu oru person kitta pesanum",
    ),
    (A, "A15", F, "pos", "ட்ரேட்-இன் கோட் வாங்கி 10 நாள் ஆச்சு, இன்னும் செல்லுமா? உங்க ஸ்கீம் செம!"),
    (A, "A16", F, "neu", "Aurora Plus illama support ku phone la call panna mudiyuma?"),
    (A, "A1", F, "neu", "செவ்வாய்க்கிழமை காலை 11 மணிக்கு பணம் கட்டினா அன்னைக்கே பார்சல் கிளம்பிடுமா?"),
    (A, "A2", F, "neg", "shipping ku 99 pesos ah?? 950 ku order potruken, evlo vaanguna free delivery?"),
    (A, "-", F, "neu", "பழைய லேப்டாப்ல இருக்குற டேட்டாவை நீங்களே அழிச்சு தருவீங்களா?"),
    (A, "-", F, "neu", "Aurora gift card ku expiry date irukka?"),
    (A, "-", F, "neg", "உங்க app ஒவ்வொரு தடவையும் crash ஆகுது, iPhone-க்கு சரியான version எப்போ வரும்?"),
    (A, "-", F, "neu", "Aurora la installment la vaangina en credit score affect aagumaa?"),
    (A, "-", F, "neu", "லேப்டாப் கூட MS Office லைசென்ஸ் சேர்த்து விப்பீங்களா?"),
    (A, "-", T, "neg", "bot kitta pesi pesi bore adichiduchu, oru human agent ah connect pannunga"),
    (A, "-", T, "neu", "ஆர்டர் என் அப்பா பேர்ல இருக்கு, அவர் சார்பா நான் பேசலாமா? ஒரு agent-ஐ connect பண்ணுங்க"),
    (A, "-", T, "neu", "rendu order pottaen, onnu dhaan vandhuchu. idha oru agent paathu sollunga"),
    (A, "-", T, "neg", "இது நாலாவது தடவை கேக்குறேன். உங்க சூப்பர்வைசர் கிட்ட பேசணும், அவர் நம்பர் குடுங்க"),
    (A, "-", F, "neg", "smartwatch strap rendu naal la piinjiduchu, romba cheap quality"),
    # solmar
    (S, "S9", F, "neu", "சார்ட்டர் விமானத்துக்கு போர்டிங் பாஸ் எப்போ அனுப்புவீங்க?"),
    (
        S,
        "S10",
        F,
        "neu",
        "Mexico office number ku weekday la Mexico time saayangaalam 7 manikku call panna edupaangala?",
    ),
    (S, "S11", F, "pos", "உங்க ஆஃபர்ஸ் எல்லாம் சூப்பர்! Club Solmar-ல சேர ஏதாவது கட்டணம் இருக்கா?"),
    (S, "S12", F, "neg", "payment panni 3 naal aachu, invoice innum mail ku varala. evlo naal aagum?"),
    (S, "S13", F, "neu", "எங்க கம்பெனி 25 பேருக்கு incentive trip போகுது, மீதி பணத்தை எப்போ கட்டணும்?"),
    (
        S,
        "S14",
        T,
        "neu",
        "amma ku airport la wheelchair assistance venum, flight ku evlo naal munnadi sollanum? oru agent call pannunga",
    ),
    (S, "S1", F, "neu", "இன்னும் 30 நாள் கூட இல்லாத பேக்கேஜுக்கு முழு பணமும் இப்பவே கட்டணுமா?"),
    (S, "S2", F, "neu", "Classic fare flight la date maathalaamaa? evlo aagum?"),
    (S, "S3", F, "neg", "பயணத்துக்கு 10 நாள் இருக்கும்போது கேன்சல் பண்ணா பாதி பணம் போயிடுமா? ரொம்ப அநியாயம்"),
    (S, "-", F, "neu", "Maldives package la seaplane transfer include ah illa thaniya kattanuma?"),
    (S, "-", F, "neu", "பயணம் ஆரம்பிச்ச பிறகு Seguro Solmar Total-ஐ இன்னும் சில நாளுக்கு நீட்டிக்க முடியுமா?"),
    (S, "-", F, "neg", "unga website la Tamil option illaiye, eppo dhaan varum?"),
    (S, "-", F, "neu", "கப்பல் பயணத்துல ஸ்விம்மிங் பூல் பயன்படுத்த தனி கட்டணம் உண்டா?"),
    (S, "-", F, "neu", "Chennai la passport renew panna evlo naal aagum?"),
    (S, "-", T, "neu", "எங்க ஹோட்டல் புக்கிங் பத்தி பேச ஒரு மனுஷர் வேணும், ரோபோ வேண்டாம்"),
    (S, "-", T, "neg", "ore kelvi moonu vaati kettaachu, naan yaar kitta dhaan pesanum?"),
    (S, "-", T, "neu", "பாரிஸ்ல எங்க டூர் கைடு ஃபோன் எடுக்கல, Solmar-ல இருந்து யாராவது உடனே தொடர்பு கொள்ளுங்க"),
    (S, "-", F, "neg", "cruise cabin la window irukkum nu sonneenga, aana illa. romba emaathitteenga"),
    # demo
    (D, "D1", F, "pos", "உங்க கடை ரொம்ப பிடிக்கும்! சனிக்கிழமை எத்தனை மணிக்கு கடையை மூடுவீங்க?"),
    (D, "D2", F, "neu", "unga kadai exact address enna? GPS la kandupidikka mudiyala"),
    (D, "D3", T, "neu", "பார்ட்ஸ் டெலிவரிக்கு எவ்வளவு சார்ஜ்? ஆர்டர் பண்ணுறதுக்கு முன்னாடி யாராவது ஃபோன்ல பேசுங்க"),
    (D, "D4", F, "neg", "return panni oru vaaram aachu, refund evlo naal la dhaan varum? romba late"),
    (D, "D5", F, "neu", "ரேஸ்க்கு பயன்படுத்தின பைக்குக்கு வாரண்டி உண்டா?"),
    (D, "-", F, "neu", "cycle ku GPS tracker fit panni tharuveengala?"),
    (D, "-", F, "neu", "மழைக்காலத்துக்கு mudguard போட்டுத் தர எவ்வளவு ஆகும்?"),
    (D, "-", T, "neg", "சர்வீஸ் பண்ணி குடுத்ததுல இருந்து பிரேக் சத்தம் போடுது, பொறுப்பானவர்கிட்ட பேசணும்"),
    (D, "-", T, "neu", "e-bike vaanga plan pannren, shop la yaaravadhu phone la detail ah explain panna mudiyuma?"),
    (D, "-", F, "neg", "lock vaanginen, rendu saavi nu sonneenga aana onnu dhaan vandhuchu. romba emaatram"),
]

ROWS["te"] = [
    # aurora
    (A, "A3", F, "neu", "బ్రెజిల్ సైట్‌లో కొన్న ఫోన్‌ని మెక్సికోలో రిపేర్ చేయించుకోవచ్చా?"),
    (
        A,
        "A4",
        F,
        "neg",
        "investigation open chesaamani cheppi 4 rojulu ayyindi, inka enni rojulu wait cheyyali result ki?",
    ),
    (A, "A5", F, "neu", "బ్రెజిల్‌లో ఆన్‌లైన్‌లో కొన్న వస్తువు 5 రోజుల్లో తిరిగి ఇస్తే షిప్పింగ్ ఛార్జ్ కూడా వెనక్కి వస్తుందా?"),
    (A, "A6", F, "neu", "EMI lo konna laptop return chesanu, migilina installments em avutayi?"),
    (A, "A7", F, "neu", "వారంటీ రిపేర్‌కి ఎన్ని రోజులు పడుతుంది? రిపేర్ కాకపోతే ఏం చేస్తారు?"),
    (A, "A8", T, "neu", "Pix tho pay chesthe discount entha? evaraina agent tho direct ga matladali"),
    (A, "A9", F, "neu", "డెబిట్ కార్డ్‌తో వాయిదాల్లో కట్టే అవకాశం ఉందా?"),
    (A, "A10", F, "pos", "Aurora service chaala baagundi! CFDI kosam emi details kavali? RFC okkate saripotunda?"),
    (A, "A11", F, "neu", "పికప్ కోడ్ వచ్చింది కానీ 5 రోజుల తర్వాతే స్టోర్‌కి వెళ్ళగలను, అప్పటిదాకా ఆర్డర్ ఉంచుతారా?"),
    (
        A,
        "A12",
        F,
        "neg",
        "ninna konna TV ippudu Liverpool lo takkuva rate lo undi. price match chestara leda? mundu evaru cheppaledu",
    ),
    (A, "-", F, "neu", "Aurora Plus సభ్యులకు స్టోర్‌లో ఏమైనా ప్రత్యేక డిస్కౌంట్ ఉంటుందా?"),
    (A, "-", F, "neg", "delivery boy chaala rude ga matladadu. courier company ni nenu choose chesukovachha?"),
    (A, "-", F, "neu", "ల్యాప్‌టాప్‌కి RAM అప్‌గ్రేడ్ మీ స్టోర్‌లో చేసి ఇస్తారా?"),
    (A, "-", F, "neu", "trade-in lo iPhone 11 ki approximate ga entha credit vastundi?"),
    (A, "-", F, "neu", "Aurora పేరుతో సొంత క్రెడిట్ కార్డ్ ఏమైనా ఉందా?"),
    (A, "-", T, "neg", "ee bot ki nenu cheppedi em ardham kavatledu, manishi evaraina unte pampandi"),
    (A, "-", T, "neu", "నా ఆర్డర్ గురించి ఎవరైనా WhatsApp లో వాయిస్ కాల్ చేసి మాట్లాడగలరా?"),
    (A, "-", T, "neu", "trade-in inspection lo em jarigindo explain cheyyadaniki evaraina call cheyyandi please"),
    (A, "-", T, "neg", "రెండు వారాలుగా రిఫండ్ కోసం తిరుగుతున్నా. మీ పై అధికారితో మాట్లాడాలి."),
    (A, "-", F, "neg", "vacuum cleaner box open chesthe lopala oka attachment ledu. chaala nirasha"),
    # solmar
    (S, "S4", F, "neu", "బేసిక్ టికెట్‌లో చిన్న ట్రాలీ బ్యాగ్ క్యాబిన్‌లోకి తీసుకెళ్ళవచ్చా?"),
    (S, "S5", F, "neu", "naa passport expiry daggara padindi, Solmar valle renew chestara?"),
    (S, "S6", F, "neu", "బుకింగ్‌కి PayPal తో డబ్బులు కట్టవచ్చా?"),
    (S, "S7", F, "neu", "package tho vachche free insurance lo medical expenses entha varaku cover avutayi?"),
    (S, "S8", F, "pos", "పోయిన ట్రిప్ అద్భుతంగా జరిగింది! ఈసారి హోటల్‌కి మా కుక్కను తీసుకెళ్తే రాత్రికి ఎంత అదనంగా కట్టాలి?"),
    (S, "S9", F, "neg", "airport lo check-in ki 55 euros adigaru, enduku? mundu evaru cheppaledu"),
    (S, "S10", T, "neu", "స్పెయిన్‌లో మీ ఆఫీస్ శనివారం తెరిచి ఉంటుందా? అక్కడ ఏజెంట్‌తో నేరుగా మాట్లాడాలి"),
    (S, "S11", F, "neu", "Club Solmar lo 2000 euros karchu pedithe entha discount vastundi?"),
    (S, "S12", F, "neu", "మెక్సికోలో గత నెల డబ్బులు కట్టాను, ఇప్పుడు CFDI అడగొచ్చా?"),
    (S, "-", F, "neu", "Istanbul package lo hot air balloon ride add cheyyochha? entha avutundi?"),
    (S, "-", F, "neu", "Seguro Solmar Total కి వయసు పరిమితి ఏమైనా ఉందా? మా నాన్నగారికి 82 ఏళ్ళు"),
    (
        S,
        "-",
        F,
        "neg",
        "meeru pampina itinerary lo flight timings tappu. connecting flight miss ayithe compensation istara?",
    ),
    (S, "-", F, "neu", "విమానంలో ఎక్కువ లెగ్‌రూమ్ ఉన్న సీటు మీ ద్వారా బుక్ చేయవచ్చా?"),
    (S, "-", F, "neu", "Dubai layover lo city tour kuda arrange chestara?"),
    (S, "-", T, "neu", "మా అమ్మానాన్న మొదటిసారి విదేశాలకు వెళ్తున్నారు, ఎవరైనా ఏజెంట్ వాళ్ళకి ఫోన్ చేసి అన్నీ వివరించగలరా?"),
    (S, "-", T, "neg", "ee automatic replies tho visugu vachindi, real person ni connect cheyyandi"),
    (S, "-", T, "neg", "రోమ్‌లో మా లగేజ్ రాలేదు, ఎయిర్‌లైన్ వాళ్ళు పట్టించుకోవట్లేదు. Solmar నుంచి ఎవరైనా వెంటనే కలగజేసుకోండి"),
    (S, "-", F, "neg", "hotel breakfast lo emi ledu, rendu rojulu bread matrame. chaala worst"),
    # demo
    (D, "D6", F, "pos", "మీ షాప్ చాలా బాగుంది! ఫుల్ సర్వీస్‌కి ఎంత అవుతుంది?"),
    (D, "D7", F, "neu", "rental ki deposit entha? card lo hold chestara leka cash aa?"),
    (D, "D8", F, "neu", "కొత్త బైక్ కొనకుండా పాత సైకిల్ మాత్రమే మీకు అమ్మవచ్చా?"),
    (D, "D9", T, "neu", "gift card minimum entha nunchi untundi? shop nunchi evaraina call chesi cheppandi"),
    (D, "D10", F, "neu", "మీ WhatsApp నంబర్ ఏంటి? ఫోటోలు పంపాలి"),
    (D, "-", F, "neu", "bike wash service unda? entha charge chestaru?"),
    (D, "-", F, "neu", "ఎలక్ట్రిక్ బైక్ బ్యాటరీ ఫుల్ చార్జ్ అవ్వడానికి ఎన్ని గంటలు పడుతుంది?"),
    (D, "-", T, "neg", "workshop lo naaku cheppakunda extra parts maarcharu. manager tho matladali"),
    (D, "-", T, "neu", "పిల్లల సైకిల్ ఎంచుకోవడానికి షాప్ నుంచి ఎవరైనా ఫోన్ చేసి సహాయం చేస్తారా?"),
    (D, "-", F, "neg", "konna saddle rendu rojullo chirigipoyindi, quality assalu baaledu"),
]

ROWS["fr"] = [
    (
        A,
        "A13",
        F,
        "neu",
        "Bonjour, j'ai précommandé le nouveau Galaxy. Je peux encore annuler la veille de sa sortie ?",
    ),
    (
        A,
        "A14",
        F,
        "neg",
        "Colis reçu hier et l'écran de la tablette est fêlé, quelle déception. J'ai jusqu'à quand pour le signaler ?",
    ),
    (A, "-", F, "neu", "Est-ce que vous faites des remises aux associations qui achètent du matériel ?"),
    (
        S,
        "S13",
        T,
        "neu",
        "Nous partons à 42 collègues, y a-t-il des places offertes pour un groupe ? J'aimerais qu'un conseiller me rappelle svp",
    ),
    (
        S,
        "S14",
        F,
        "neu",
        "Mon fils se déplace en fauteuil roulant : pouvez-vous me garantir une chambre adaptée à l'hôtel ?",
    ),
    (
        S,
        "S5",
        F,
        "pos",
        "Super voyage l'an dernier avec vous ! Cette fois on va en Grèce, ma carte d'identité française suffit ?",
    ),
    (
        D,
        "-",
        T,
        "neg",
        "Mon vélo est chez vous depuis une semaine sans nouvelles. Je voudrais parler à quelqu'un de l'atelier.",
    ),
]

ROWS["it"] = [
    (A, "A15", F, "neu", "Ciao! Nel programma di permuta accettate anche un iMac?"),
    (A, "A16", T, "neu", "Il sabato fino a che ora risponde una persona in chat? Vorrei parlare con un operatore"),
    (A, "A5", F, "neu", "Ho preso le cartucce sbagliate per la stampante, posso restituirle?"),
    (S, "S14", F, "neu", "La videochiamata in lingua dei segni è disponibile anche il sabato?"),
    (S, "S3", F, "neg", "che delusione, devo annullare il pacchetto a 50 giorni dalla partenza. quanto ci perdo?"),
    (S, "-", F, "neu", "Nei pacchetti per Malta è compreso il noleggio di uno scooter?"),
    (D, "D3", F, "pos", "Negozio bellissimo! Se ordino una bici online, arriva già montata?"),
]

ROWS["de"] = [
    (A, "A10", F, "neu", "Ich habe in Brasilien bestellt – wann bekomme ich die Nota Fiscal?"),
    (A, "A7", F, "neu", "Mein Handy ist nach drei Monaten ins Waschbecken gefallen. Greift da die Garantie?"),
    (
        A,
        "-",
        T,
        "neg",
        "Seit zehn Tagen warte ich auf eine Antwort auf meine E-Mail. Bitte verbinden Sie mich mit einem Mitarbeiter.",
    ),
    (
        S,
        "S13",
        F,
        "neu",
        "Wir sind 15 Leute für eine Hochzeit in Mexiko – bis wann muss die endgültige Namensliste stehen?",
    ),
    (S, "S4", F, "neu", "Ist ein zusätzlicher Koffer günstiger, wenn ich ihn gleich bei der Buchung dazunehme?"),
    (S, "-", F, "neu", "Wie ist das Wetter im März auf den Kanaren, lohnt sich da ein Strandurlaub?"),
    (D, "D6", F, "neu", "Wie lange dauert bei euch normalerweise eine Reparatur?"),
]


# ---------------------------------------------------------------------------------------------------------------
# Checks and output
# ---------------------------------------------------------------------------------------------------------------
SCRIPTS = {"hi": ("\u0900", "\u097f"), "ta": ("\u0b80", "\u0bff"), "te": ("\u0c00", "\u0c7f")}


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
    """Lower-case words with accents removed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.findall(r"\w+", stripped)


def five_grams(text):
    w = words(text)
    return {tuple(w[i : i + 5]) for i in range(len(w) - 4)}


def indic_scripts(text):
    """Set of language codes whose script occurs in the text."""
    return {lang for lang, (lo, hi) in SCRIPTS.items() if any(lo <= ch <= hi for ch in text)}


def section_of(code):
    if code == "-":
        return None
    tenant = TENANTS[code[0]]
    return tenant, HEADINGS[tenant][int(code[1:]) - 1]


def check(faq_texts, parsed):
    errors = []
    for tenant, heads in HEADINGS.items():
        if heads != parsed[tenant]:
            errors.append(f"{tenant}: heading table differs from the FAQ file's headings {parsed[tenant]}")

    faq_grams = set()
    for text in faq_texts:
        faq_grams |= five_grams(text)

    seen = set()
    for lang, rows in ROWS.items():
        if lang not in DESIGN:
            errors.append(f"{lang}: language not in the design")
            continue
        counts = Counter()
        native = Counter()
        for i, row in enumerate(rows, 1):
            where = f"{lang} row {i}"
            if len(row) != 5:
                errors.append(f"{where}: expected 5 fields")
                continue
            t, code, wh, sent, text = row
            if t not in TENANTS:
                errors.append(f"{where}: unknown tenant {t!r}")
                continue
            counts[t] += 1
            if code != "-":
                if not re.fullmatch(r"[ASD]\d{1,2}", code) or code[0] != t:
                    errors.append(f"{where}: section code {code!r} does not belong to tenant {TENANTS[t]}")
                elif not 1 <= int(code[1:]) <= len(HEADINGS[TENANTS[t]]):
                    errors.append(f"{where}: section code {code!r} out of range")
            if not isinstance(wh, bool):
                errors.append(f"{where}: wants_human is not a bool")
            if sent not in SENTIMENT:
                errors.append(f"{where}: bad sentiment {sent!r}")
            if not isinstance(text, str) or not 20 <= len(text) <= 170:
                errors.append(f"{where}: text length {len(text) if isinstance(text, str) else '?'} not in 20-170")
                continue
            if text in seen:
                errors.append(f"{where}: duplicate text")
            seen.add(text)
            shared = five_grams(text) & faq_grams
            if shared:
                errors.append(f"{where}: shares five words with an FAQ: {' '.join(sorted(shared)[0])!r}")
            scripts = indic_scripts(text)
            if lang in SCRIPTS:
                if scripts == {lang}:
                    native[t] += 1
                elif scripts:
                    errors.append(f"{where}: contains letters of another Indic script {sorted(scripts)}")
            elif scripts:
                errors.append(f"{where}: Indic letters in a {lang} row")
        want = dict(zip("ASD", DESIGN[lang], strict=True))
        for t in "ASD":
            if counts[t] != want[t]:
                errors.append(f"{lang}: {TENANTS[t]} has {counts[t]} rows, designed {want[t]}")
            if lang in SCRIPTS and 2 * native[t] != counts[t]:
                errors.append(f"{lang}: {TENANTS[t]} has {native[t]} native-script rows of {counts[t]}, need half")
    for lang in DESIGN:
        if lang not in ROWS:
            errors.append(f"{lang}: no block")
    return errors


def main():
    paths = {"aurora": EVAL_DIR / "aurora-faq.txt", "solmar": EVAL_DIR / "solmar-faq.txt", "demo": DEMO_FAQ}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        print("FAQ file(s) missing, nothing written: " + ", ".join(missing), file=sys.stderr)
        return 1
    parsed = {
        "aurora": headings_txt(paths["aurora"]),
        "solmar": headings_txt(paths["solmar"]),
        "demo": headings_md(paths["demo"]),
    }
    faq_texts = [p.read_text(encoding="utf-8") for p in paths.values()]
    errors = check(faq_texts, parsed)
    if errors:
        print(f"FAILED: {len(errors)} problem(s), nothing written", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1

    out, numbers = [], Counter()
    for lang, rows in ROWS.items():
        for t, code, wh, sent, text in rows:
            tenant = TENANTS[t]
            numbers[tenant] += 1
            sec = section_of(code)
            out.append(
                {
                    "id": f"{PREFIX}-{tenant}-{numbers[tenant]:03d}",
                    "tenant": tenant,
                    "text": text,
                    "language": lang,
                    "answerable": sec is not None,
                    "section": sec[1] if sec else None,
                    "wants_human": wh,
                    "sentiment": SENTIMENT[sent],
                }
            )
    OUT.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in out), encoding="utf-8")
    print(f"wrote {len(out)} messages to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
