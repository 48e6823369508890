#!/usr/bin/env python3
"""Build heldout12/messages.jsonl from the hand-written table below.

Use: measurement only - never tune on this set.

Every row was written by hand, one at a time: no templates, no generated combinations, no block is a
translation of another. A row is (tenant, section code, wants_human, sentiment, text); the language is the
block's. Section codes: A<n> (aurora), S<n> (solmar), D<n> (demo), "-" for none (answerable: false).
wants_human: 1 / 0. Sentiment: pos / neu / neg.

Before writing anything the script checks:
  - the heading table equals the numbered headings parsed from the three FAQ files;
  - every section code belongs to the row's tenant;
  - every text is 20-170 characters long and occurs once;
  - no text shares a run of five consecutive words with any FAQ text (lower-cased, accents stripped);
  - in hi, ta and te exactly half of each tenant's rows are in the language's own script and the rest hold no
    Indic letters; other languages hold no Indic letters;
  - every language has its designed number of rows per tenant (answerable without / with wants_human,
    unanswerable without / with wants_human).
Any failure: message on stderr, nothing written, exit status 1.

FAQ locations: EVAL_DIR (aurora-faq.txt, solmar-faq.txt; default ../shared/eval beside the repository root)
and DEMO_FAQ (default deploy/local/sample/demo-faq.md under the repository root).
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
PREFIX = "h12"

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
CODE_LETTER = {"aurora": "A", "solmar": "S", "demo": "D"}
SENTIMENT = {"pos": "positive", "neu": "neutral", "neg": "negative"}

# designed rows per tenant: (answerable without wh, answerable with wh, unanswerable without wh, unanswerable with wh)
MAIN = {"aurora": (9, 1, 6, 4), "solmar": (8, 1, 6, 3), "demo": (4, 1, 3, 2)}
DESIGN = {
    "en": MAIN,
    "es": MAIN,
    "pt": MAIN,
    "hi": MAIN,
    "ta": MAIN,
    "te": MAIN,
    "fr": {"aurora": (1, 1, 1, 0), "solmar": (2, 0, 0, 1), "demo": (1, 0, 0, 0)},
    "it": {"aurora": (2, 1, 0, 0), "solmar": (2, 0, 1, 0), "demo": (1, 0, 0, 0)},
    "de": {"aurora": (2, 0, 0, 1), "solmar": (2, 0, 1, 0), "demo": (1, 0, 0, 0)},
}
NATIVE_RANGE = {"hi": ("\u0900", "\u097f"), "ta": ("\u0b80", "\u0bff"), "te": ("\u0c00", "\u0c7f")}

# fmt: off
BLOCKS = [
("en", [
    ("aurora", "A1", 0, "neu", "paid for a webcam at 1:30 pm today (it's wednesday), any chance it leaves the warehouse today?"),
    ("aurora", "A2", 0, "neu", "buying a 75 inch tv on the brazil site, how much is delivery for something that big?"),
    ("aurora", "A3", 0, "neg", "ugh your checkout rejected my address again. i use a miami freight forwarder for everything, can i ship to them or not?"),
    ("aurora", "A4", 0, "neg", "DHL came twice while i was at work, great timing 🙄 how many tries do they get before it goes back?"),
    ("aurora", "A5", 0, "neu", "got a smart speaker in the buen fin sale, can i still send it back on jan 20?"),
    ("aurora", "A6", 0, "neu", "returned a rice cooker i paid for in cash at oxxo. how does the money get back to me?"),
    ("aurora", "A7", 0, "pos", "love my new laptop from you guys!! if i add protege for 24 extra months on a 20,000 mxn price, how much is that?"),
    ("aurora", "A8", 0, "neu", "can i use mercado pago to pay on the mexican site? dont have a credit card"),
    ("aurora", "A9", 0, "neg", "trying to do 3 msi with santander on 1,200 pesos of headphones and the option just isn't there. why??"),
    ("aurora", "A10", 1, "neu", "the CFDI form has my home postal code but my constancia shows the office one, does that matter? would be easier if someone phoned me"),
    ("aurora", "-", 0, "neu", "does the andares store have its own parking or should i just take an uber?"),
    ("aurora", "-", 0, "neu", "if i buy a tv at the polanco store can you deliver it to my place the same week?"),
    ("aurora", "-", 0, "neu", "got a pile of aurora store credit from a trade-in, can it ever be turned into cash?"),
    ("aurora", "-", 0, "neu", "will the delivery guys carry a fridge up to a 4th floor? no elevator in my building 😩"),
    ("aurora", "-", 0, "neg", "honestly your site is so confusing. do you even sell phones with a telcel plan or not?"),
    ("aurora", "-", 1, "neu", "someone on whatsapp is pretending to be aurora and asking me for a deposit. i need a real person from your security team"),
    ("aurora", "-", 1, "neg", "third time your bot's answer got cut off mid sentence. get me someone who can finish one"),
    ("aurora", "-", 1, "neg", "an agent called luis promised me a callback yesterday and nobody rang. can he or anyone call me today?"),
    ("aurora", "-", 1, "neu", "order has been stuck on processing for 3 days now, could somebody look into it pls"),
    ("aurora", "-", 0, "neg", "the controller i got last week already has stick drift, camera keeps sliding left on its own. really not impressed"),
    ("solmar", "S1", 0, "pos", "so excited for our first trip with you!! paid the 25% deposit on the sicily package in may, when is the rest due?"),
    ("solmar", "S2", 0, "neu", "we're 4 people on one hotel booking, is the 30 eur date change fee per person or for the whole booking?"),
    ("solmar", "S3", 0, "neu", "have to cancel our porto package 20 days before we leave 😞 how much do we lose?"),
    ("solmar", "S4", 0, "neu", "taking my road bike to mallorca with the package, what do i need to do and what does it cost?"),
    ("solmar", "S5", 0, "neu", "how much do you charge to sort an e-visa for india? there are 3 of us"),
    ("solmar", "S6", 0, "neu", "we leave in 4 days, can i still pay the rest by bank transfer?"),
    ("solmar", "S7", 1, "neu", "my grandma passed away and we have to cancel peru 😢 we took seguro solmar total, does it cover this? please have someone call me"),
    ("solmar", "S8", 0, "neu", "my cat is 6 kg and her carrier weighs 3, can she stay with me in the cabin?"),
    ("solmar", "S9", 0, "neu", "flying with my little dog in the cabin on friday, will online check-in work or do we go to the desk?"),
    ("solmar", "-", 0, "neu", "do your cancun packages include the transfer from the airport to the hotel or is that extra?"),
    ("solmar", "-", 0, "neu", "is there a solmar desk inside madrid barajas airport?"),
    ("solmar", "-", 0, "neu", "is there a minimum age for babies on your cruises? ours will be 5 months"),
    ("solmar", "-", 0, "neg", "do you organise trips for solo travellers? sick of paying single supplements everywhere"),
    ("solmar", "-", 0, "neu", "do your cruise packages include the flight to the port or do i book that myself?"),
    ("solmar", "-", 1, "neu", "we're at the hotel in tulum and it's closed for renovation!! need someone from solmar on the phone now"),
    ("solmar", "-", 1, "neg", "asked for porto and your bot keeps showing me hotels in lisbon, three times now. a human please"),
    ("solmar", "-", 1, "neg", "our seguro total claim for my broken wrist in bali got rejected. i want to speak to whoever handles the claims"),
    ("solmar", "-", 0, "neg", "the room you booked us in benidorm is right above a disco, no sleep before 4am any night. awful"),
    ("demo", "D1", 0, "neu", "can i drop my bike at the workshop at 6pm on a wednesday after work?"),
    ("demo", "D2", 0, "pos", "love the new shop window! coming with a baby stroller on saturday, any steps at the door?"),
    ("demo", "D3", 0, "neu", "does your van deliver on fridays? i'm about 4 km away and buying a bike"),
    ("demo", "D4", 0, "neu", "wore the cycling jersey once and it's too tight, can i still return it?"),
    ("demo", "D5", 1, "neu", "e-bike battery shows 620 charge cycles at 18 months and holds less every week. warranty? i'd like someone from the shop to ring me"),
    ("demo", "-", 0, "neu", "does the full service include the suspension fork or is that extra?"),
    ("demo", "-", 0, "neu", "can i get a rough repair quote if i send you photos of the damage?"),
    ("demo", "-", 1, "neg", "my son's bike was nicked from your covered rack while he was inside buying a pump. i need to speak to someone there"),
    ("demo", "-", 1, "neg", "bike has been in your workshop 12 days when you said 2. who's in charge there? i want to talk to them"),
    ("demo", "-", 0, "neg", "the handlebar tape you fitted is already peeling after one week of riding. not great"),
]),
("es", [
    ("aurora", "A11", 0, "pos", "la neta la tienda de coyoacan esta padrisima 😍 si llego el sabado a las 8:30 pm todavia alcanzo a recoger mi pedido?"),
    ("aurora", "A12", 0, "neg", "otra vez ustedes mas caros 🙄 en liverpool venden la consola en paquete con 2 controles mas barata, me igualan el precio?"),
    ("aurora", "A13", 0, "neu", "mi papa pago hace 3 horas y el pedido sigue en processing, todavia lo puede cancelar sin costo?"),
    ("aurora", "A14", 0, "neg", "que oso, pedi un mouse negro y me llego azul. en cuanto tiempo me mandan el correcto?"),
    ("aurora", "A15", 0, "neu", "tengo una tele vieja de 50 pulgadas, me la toman en el programa de trade-in?"),
    ("aurora", "A16", 0, "neu", "el 16 de septiembre es festivo, hay asesores en el chat ese dia? a que hora?"),
    ("aurora", "A1", 0, "neu", "pague una bocina el jueves a las 3 de la tarde, sale ese mismo dia o hasta el viernes?"),
    ("aurora", "A2", 0, "neu", "ando comprando un refri para mi depa en puebla, cuanto me cobran de envio?"),
    ("aurora", "A3", 1, "neu", "mi hermano vive en guatemala, le pueden mandar un celular desde la pagina de mexico? si no, que alguien me marque porfa"),
    ("aurora", "A4", 0, "neg", "la vez pasada ni supe quien me lo traia 🙄 con que paqueteria mandan aqui en mexico?"),
    ("aurora", "-", 0, "neu", "en las tiendas aceptan efectivo o nomas tarjeta? quiero ir a la de polanco"),
    ("aurora", "-", 0, "neu", "venden al mayoreo? tengo una papeleria y me interesan como 40 memorias usb"),
    ("aurora", "-", 0, "neu", "ustedes reparan celulares que no compre con ustedes? pagando obvio"),
    ("aurora", "-", 0, "neg", "como borro mi cuenta de aurora y todos mis datos? ya no quiero saber nada de ustedes"),
    ("aurora", "-", 0, "neu", "con aurora plus me dan mas dias para devolver las cosas?"),
    ("aurora", "-", 1, "neg", "el repartidor me pidio 200 pesos extra para bajarme la lavadora, eso no se vale. quiero hablar con alguien de logistica"),
    ("aurora", "-", 1, "neu", "mi papa de 78 años compro 3 teles por error en la app, necesito que una persona nos ayude con eso"),
    ("aurora", "-", 1, "neg", "el bot me manda a 'mis pedidos' cada vez aunque le digo que no me deja entrar 🤦 pasame con alguien porfa"),
    ("aurora", "-", 1, "neu", "me llego el cfdi con el rfc de otra persona, alguien que lo revise por favor"),
    ("aurora", "-", 0, "neg", "la webcam que les compre se ve borrosa hasta con buena luz, pura decepcion"),
    ("solmar", "S10", 0, "neu", "cual es el numero de whatsapp de solmar? quiero mandaros unas fotos del pasaporte"),
    ("solmar", "S11", 0, "neu", "me suscribi al boletin hace como 70 dias y no he usado el cupon, sigue valiendo?"),
    ("solmar", "S12", 0, "neg", "nadie me aviso de ningun plazo... reserve hace 40 dias, aun puedo pedir la factura a nombre de mi empresa?"),
    ("solmar", "S13", 0, "pos", "que ilusion!! somos un coro de 18 personas y queremos ir a cantar a viena, teneis tarifas de grupo?"),
    ("solmar", "S14", 0, "neu", "mi padre va con andador, silla de ruedas y baston, la aerolinea se lo lleva todo gratis?"),
    ("solmar", "S1", 0, "neu", "mi hermana vive en chile, teneis alguna oficina alli para reservar en persona?"),
    ("solmar", "S2", 1, "neu", "tengo un vuelo suelto a roma con tarifa flex, puedo cambiar la fecha? prefiero que me llame un agente y lo vemos"),
    ("solmar", "S3", 0, "neu", "me ha salido curro y tengo que cancelar el paquete a menorca, faltan 100 dias, que me cobrais?"),
    ("solmar", "S4", 0, "neu", "mi maleta pesa 26 kilos, me la dejan facturar asi con el paquete?"),
    ("solmar", "-", 0, "neu", "teneis descuento para familia numerosa? somos 7 en casa"),
    ("solmar", "-", 0, "neu", "organizais el camino de santiago con alojamiento y transporte de mochilas?"),
    ("solmar", "-", 0, "neg", "la app de solmar no sale en la appgallery de huawei 😤 la vais a sacar o que?"),
    ("solmar", "-", 0, "neu", "en vuestras oficinas se pueden cambiar euros a dolares? me voy a nueva york"),
    ("solmar", "-", 0, "neu", "los paquetes a japon llevan incluido el jr pass o va aparte?"),
    ("solmar", "-", 1, "neu", "hay alerta de huracan en punta cana y salimos el jueves, necesito que un agente me llame para ver que hacemos"),
    ("solmar", "-", 1, "neu", "quiero que me llame marta, la chica de la oficina de zaragoza que me vendio el crucero"),
    ("solmar", "-", 1, "neg", "llevo media hora con el asistente y no pilla las fechas, le digo agosto y me pone octubre. me pasas con alguien de verdad?"),
    ("solmar", "-", 0, "neg", "el aire del hotel en sevilla esta roto desde que llegamos y estamos a 40 grados, un desastre"),
    ("demo", "D6", 0, "neg", "ya me cobrasteis bastante por la bici... la compre hace 4 meses, la primera revision me sale gratis o no?"),
    ("demo", "D7", 0, "pos", "me flipo la bici de alquiler el finde! cuanto sale una de ciudad la semana entera?"),
    ("demo", "D8", 0, "neu", "tengo una de carretera con el cuadro fisurado, me la aceptais como parte del pago de una nueva?"),
    ("demo", "D9", 1, "neu", "quiero pagar la electrica de 1.200 € en 12 meses, se puede? que me llame alguien de la tienda para cerrarlo"),
    ("demo", "D10", 0, "neu", "cual es vuestro email? el que tengo me devuelve los correos"),
    ("demo", "-", 0, "neu", "me montais un portabicis en el techo del coche?"),
    ("demo", "-", 0, "neu", "vendeis baterias de repuesto para una bosch de hace 5 años?"),
    ("demo", "-", 1, "neu", "el codigo de la tarjeta regalo no me funciona al pagar online, alguien puede mirarlo?"),
    ("demo", "-", 1, "neu", "queremos que patrocineis al club ciclista del cole de mi hija, con quien puedo hablar?"),
    ("demo", "-", 0, "neg", "la pata de cabra se partio a la semana de comprarla, vaya calidad"),
]),
("pt", [
    ("aurora", "A5", 0, "neg", "perdi o manual da caixa de som, vão implicar com isso na devolução? 🙄"),
    ("aurora", "A6", 0, "neu", "escolhi receber em crédito da loja em vez do dinheiro, em quanto tempo cai?"),
    ("aurora", "A7", 1, "neu", "a garantia de 12 meses conta da data da compra ou da entrega? queria que alguém me ligasse pra explicar"),
    ("aurora", "A8", 0, "neu", "vou pagar no boleto, quantos dias eu tenho antes do pedido ser cancelado?"),
    ("aurora", "A9", 0, "neu", "dá pra parcelar R$ 700 em 10x sem juros no cartão do nubank?"),
    ("aurora", "A10", 0, "neu", "comprei um fone na loja da barra da tijuca e esqueci de pedir a nota, como faço agora?"),
    ("aurora", "A11", 0, "neu", "vou viajar 10 dias, se meu pedido ficar pronto pra retirada em pinheiros vocês seguram até eu voltar?"),
    ("aurora", "A12", 0, "pos", "amo a aurora 💜 achei o mesmo notebook mais barato nas casas bahia, vocês cobrem?"),
    ("aurora", "A13", 0, "neg", "que raiva, desisti da compra e já tá como enviado. e agora, faço o quê?"),
    ("aurora", "A14", 0, "neg", "a impressora chegou ontem e não liga de jeito nenhum 😡 o que eu faço?"),
    ("aurora", "-", 0, "neu", "vocês gravam nome em fone ou capinha? queria dar de presente pro meu namorado"),
    ("aurora", "-", 0, "neu", "o crédito que ganhei na troca do celular dá pra usar direto na loja física da barra?"),
    ("aurora", "-", 0, "neu", "menor de idade pode criar conta e comprar no site? tenho 16"),
    ("aurora", "-", 0, "neu", "o teclado dos notebooks que vocês vendem é abnt2?"),
    ("aurora", "-", 0, "neg", "no app os preços são iguais aos do site? achei diferença e fiquei com a pulga atrás da orelha 🤨"),
    ("aurora", "-", 1, "neu", "alguém usou meu cartão pra fazer um pedido na aurora que eu não fiz, preciso falar com uma pessoa agora"),
    ("aurora", "-", 1, "neg", "o entregador da loggi quebrou o portão aqui de casa na entrega, quero falar com um responsável"),
    ("aurora", "-", 1, "neu", "sou cego e o checkout não funciona com meu leitor de tela, alguém pode me atender por aqui mesmo?"),
    ("aurora", "-", 1, "neg", "o robô não aceita foto e eu preciso mostrar o defeito, cansei. quero falar com um humano"),
    ("aurora", "-", 0, "neg", "o aspirador robô que comprei fica batendo na parede e se perde na sala, que decepção"),
    ("solmar", "S5", 0, "neu", "meu passaporte vence 8 meses depois que eu chegar no méxico, tá tranquilo?"),
    ("solmar", "S6", 0, "neu", "moro em santiago do chile, dá pra parcelar a viagem aqui?"),
    ("solmar", "S7", 0, "neu", "o seguro que já vem no pacote cobre repatriação?"),
    ("solmar", "S8", 0, "neu", "quanto sai levar minha gata de 4 kg na cabine, ida e volta?"),
    ("solmar", "S9", 0, "neu", "minha mãe vai com assistência especial, ela consegue fazer o check-in online normal?"),
    ("solmar", "S10", 0, "neu", "o chat de vocês funciona às 7 da manhã no horário de madri?"),
    ("solmar", "S11", 0, "pos", "adoro o club solmar! juntei 5.000 pontos, quanto de desconto isso dá?"),
    ("solmar", "S12", 0, "neg", "já é a segunda vez que erram meu nome numa fatura... essa é de 4 meses atrás, ainda dá pra corrigir?"),
    ("solmar", "S13", 1, "neu", "somos 40 pagantes numa excursão da igreja, quantas vagas grátis a gente ganha? queria falar com o coordenador de grupos"),
    ("solmar", "-", 0, "neu", "vocês vendem ingresso pra final da champions junto com o pacote?"),
    ("solmar", "-", 0, "neg", "o pacote pra patagônia inclui o passeio na geleira? da última vez cobraram tudo à parte 😒"),
    ("solmar", "-", 0, "neu", "nas agências de vocês tiram foto pra passaporte?"),
    ("solmar", "-", 0, "neu", "tem pacote pra ver aurora boreal na lapônia?"),
    ("solmar", "-", 0, "neu", "dá pra fazer uma parada de uns dias em lisboa no caminho pra madri sem pagar a mais?"),
    ("solmar", "-", 1, "neg", "greve no aeroporto de paris, voo cancelado e ninguém da solmar avisa nada. preciso de alguém agora"),
    ("solmar", "-", 1, "neu", "queria que um agente me ajudasse a montar 15 dias pelo marrocos pra mim e meu marido"),
    ("solmar", "-", 1, "neu", "o hotel em salvador diz que não tem nossa reserva e já são 23h, alguém da solmar me liga por favor"),
    ("solmar", "-", 0, "neg", "o guia do passeio em lisboa chegou 2 horas atrasado e nem pediu desculpa. péssimo"),
    ("demo", "D3", 0, "pos", "a loja de vocês é demais! pedi um par de rodas de 200 euros, o frete sai de graça?"),
    ("demo", "D4", 0, "neu", "comprei umas luzes e desisti, quanto custa devolver pelo correio?"),
    ("demo", "D5", 0, "neg", "a corrente já gastou com um ano, sério? isso entra na garantia?"),
    ("demo", "D6", 1, "neu", "furou os dois pneus, quanto fica consertar na hora? alguém da oficina pode me ligar?"),
    ("demo", "D7", 0, "neu", "no aluguel a caução pode ser em dinheiro ou tem que ser no cartão?"),
    ("demo", "-", 0, "neu", "vocês fazem conversão pra tubeless? quanto custa?"),
    ("demo", "-", 0, "neu", "dá pra gravar o número do quadro contra roubo aí na loja?"),
    ("demo", "-", 1, "neu", "perdi a chave do cadeado da bike alugada e tô preso no parque, alguém pode me ajudar?"),
    ("demo", "-", 1, "neg", "me cobraram uma revisão que eu não pedi, tá na nota. quero falar com alguém da loja sobre isso"),
    ("demo", "-", 0, "neg", "o display da minha elétrica fica piscando desde que peguei na loja, muito chato"),
]),
("hi", [
    ("aurora", "A15", 0, "neu", "पुराने Samsung फोन में अभी भी Google अकाउंट लॉगिन है, trade-in से पहले उसे हटाना ज़रूरी है क्या?"),
    ("aurora", "A16", 0, "neu", "aurora ka mexico wala whatsapp number kya hai? order ke baare me kuch puchna tha"),
    ("aurora", "A1", 0, "neu", "मेक्सिको में राष्ट्रीय छुट्टी के दिन ऑर्डर किया है, पार्सल गोदाम से कब निकलेगा?"),
    ("aurora", "A2", 0, "neu", "bhai brazil wali site se 150 BRL ka mouse le raha hu, shipping kitna lagega?"),
    ("aurora", "A3", 0, "neu", "मेरा बेटा कनाडा में पढ़ता है, क्या आप मेक्सिको वाली साइट से वहाँ सामान भेज सकते हो?"),
    ("aurora", "A4", 0, "neu", "tracking number SMS pe bhi aata hai ya sirf email pe? mera email kabhi kabhi spam me chala jata hai"),
    ("aurora", "A5", 0, "neg", "एंटीवायरस सॉफ्टवेयर का डिब्बा खोल लिया और वो बेकार निकला, पैसे बर्बाद 😞 क्या इसे लौटा सकता हूँ?"),
    ("aurora", "A6", 0, "neg", "pichli baar refund me 3 hafte lag gaye the 😒 debit card se pay kiya tha, is baar kitne din lagenge?"),
    ("aurora", "A7", 1, "neu", "मेरे पास Protege है, टैबलेट बंक बेड से गिरा और स्क्रीन टूट गई, क्या ये कवर होगा? कोई मुझे कॉल कर दे प्लीज़"),
    ("aurora", "A8", 0, "pos", "aapki service mast hai! ek hi order ko mere aur wife ke card me split kar sakte hai kya?"),
    ("aurora", "-", 0, "neu", "क्या आप minisplit AC लगाने की सर्विस भी देते हो या सिर्फ बेचते हो?"),
    ("aurora", "-", 0, "neu", "Protege का क्लेम सीधे स्टोर जाकर कर सकते हैं क्या, Polanco वाले में?"),
    ("aurora", "-", 0, "neu", "kya aap company ke liye corporate account dete ho jisme monthly invoice aaye? hum 30 log hai"),
    ("aurora", "-", 0, "neu", "laptop ke saath koi free bag ya mouse milta hai kya aapke yaha?"),
    ("aurora", "-", 0, "neg", "buen fin me trade-in pe koi extra bonus milta hai kya? pichli baar kuch bhi nahi mila tha 😒"),
    ("aurora", "-", 1, "neg", "कार्ड से पेमेंट करने के बाद भी मेरा ऑर्डर अपने-आप कैंसल हो गया, कोई इंसान कॉल करके बताए ऐसा क्यों हुआ"),
    ("aurora", "-", 1, "neg", "यह बॉट हर जवाब के बाद रेटिंग माँगता है, बस बहुत हो गया, किसी असली इंसान से जोड़ो"),
    ("aurora", "-", 1, "neu", "school ke liye 20 tablets lene hai par site 5 se zyada add nahi karne deti, koi sales wala baat kar sakta hai?"),
    ("aurora", "-", 1, "neg", "Aurora Plus cancel kar diya tha phir bhi renew ka charge aa gaya, koi banda check karo yaar"),
    ("aurora", "-", 0, "neg", "कल जो इलेक्ट्रिक टूथब्रश लिया वो चार्ज ही नहीं होता, बहुत निराश हूँ"),
    ("solmar", "S14", 0, "neu", "मेरी बहन का डायबिटीज़ अलर्ट कुत्ता है, क्या वो केबिन में मुफ्त जा सकता है?"),
    ("solmar", "S1", 0, "pos", "pehli baar Solmar se booking ki, bahut smooth thi! bas localizador wala email 20 min se nahi aaya, kya karu?"),
    ("solmar", "S2", 0, "neu", "होटल की तारीख 20 दिन पहले बदलनी है, कितना चार्ज लगेगा?"),
    ("solmar", "S3", 0, "neu", "flight 4 din baad hai aur mujhe package trip cancel karna pad raha hai, kitna paisa katega?"),
    ("solmar", "S4", 0, "neg", "Basic टिकट में तो कुछ भी नहीं मिलता 😒 बैकपैक कितना बड़ा ले जा सकते हैं?"),
    ("solmar", "S5", 0, "neu", "mera 17 saal ka bhatija doston ke saath cancun ja raha hai, parents nahi honge, usko kya papers chahiye?"),
    ("solmar", "S6", 0, "neu", "Pago Flex से 12 महीने की किस्तों पर कितना ब्याज लगेगा?"),
    ("solmar", "S7", 1, "neu", "booking 5 din pehle ki thi, aaj Seguro Solmar Total liya, kya cancellation cover hoga? koi agent call karke samjha de"),
    ("solmar", "S8", 0, "neu", "मेरा पग (carlino) 12 किलो का है, क्या वो विमान के कार्गो में जा सकता है?"),
    ("solmar", "-", 0, "neu", "क्या Solmar हनीमून के लिए गिफ्ट लिस्ट बनाता है जिसमें मेहमान पैसे जोड़ सकें?"),
    ("solmar", "-", 0, "neu", "क्या आप पेरू में माचू पिचू का गाइडेड टूर भी बुक करते हो?"),
    ("solmar", "-", 0, "neu", "kya aapke paas Kerala houseboat wala koi package hai?"),
    ("solmar", "-", 0, "neg", "dusri site pe wahi hotel sasta dikh raha hai, aap price match karoge? pichli baar zyada de diya tha 😕"),
    ("solmar", "-", 0, "neu", "kya aap log Kumbh Mela ka package bhi karte ho?"),
    ("solmar", "-", 1, "neu", "एयरपोर्ट पर बोर्डिंग गेट पर मेरे कुत्ते को रोक दिया गया है, Solmar से कोई तुरंत मुझसे बात करे"),
    ("solmar", "-", 1, "neu", "mujhe Solmar ke accessibility wale department se baat karni hai, papa ko sunai nahi deta"),
    ("solmar", "-", 1, "neg", "bot har baar mujhe newsletter join karne ko bolta hai 🙄 mujhe bas kisi agent se baat karni hai"),
    ("solmar", "-", 0, "neg", "क्रूज़ पर हर रात का डिनर ठंडा परोसा गया, बहुत खराब अनुभव रहा"),
    ("demo", "D8", 0, "pos", "पिछली साइकिल आपसे ही ली थी, शानदार चली! अब नई ई-बाइक लेनी है, पुरानी रोड बाइक ठीक चलती है, क्या उसकी कीमत दाम से कम होगी?"),
    ("demo", "D9", 1, "neu", "600 euro ki gravel bike 3 kisht me ho jayegi kya? koi shop se call karke bata de"),
    ("demo", "D1", 0, "neu", "क्या आप सुबह 8:30 बजे खुलते हो? ऑफिस जाने से पहले आना है"),
    ("demo", "D2", 0, "neu", "shop ke bahar bike rack covered hai kya? baarish me seat geeli ho jaati hai"),
    ("demo", "D10", 0, "neu", "नया फोन लिया और आपका नंबर खो गया, दुकान पर कॉल करने वाला नंबर भेज दो"),
    ("demo", "-", 0, "neu", "क्या आप Shimano Di2 का सॉफ्टवेयर अपडेट भी करते हो?"),
    ("demo", "-", 0, "neu", "cycling jersey XXL size me milti hai kya shop pe?"),
    ("demo", "-", 1, "neu", "online order ki bike ka frame size galat lag raha hai, koi check kar sakta hai please?"),
    ("demo", "-", 1, "neg", "bot sirf address bhej deta hai har sawal pe 🙄 shop me koi insaan hai jo baat kare?"),
    ("demo", "-", 0, "neg", "दो बार चलाने के बाद ही आगे की लाइट बंद हो गई, ऐसी क्वालिटी?"),
]),
("ta", [
    ("aurora", "A9", 0, "neg", "Pix-ல installment கிடையாதா? என்ன சார் இது, 600 reais போன் வாங்கணும்"),
    ("aurora", "A10", 1, "neu", "CFDI request panna last date enna? indha maasam 15th pay pannen, oru agent enakku call pannunga"),
    ("aurora", "A11", 0, "neu", "பிரேசில்ல எந்த எந்த ஸ்டோர்ல பிக்கப் பண்ணலாம்? நான் ரியோவுல இருக்கேன்"),
    ("aurora", "A12", 0, "neg", "amazon mexico flash sale la 2000 pesos kammi, neenga match panna maateengala? 🙄"),
    ("aurora", "A13", 0, "neu", "pre-order பண்ண கேமிங் கன்சோலை release ஆகறதுக்கு முன்னாடி cancel பண்ணலாமா?"),
    ("aurora", "A14", 0, "neu", "air purifier filter udanji vandhuchu, app la enga report pannanum?"),
    ("aurora", "A15", 0, "neu", "second-hand-ஆ வாங்கின போன் திருடு போனதா report ஆகியிருக்காம், அதை trade-in எடுப்பீங்களா?"),
    ("aurora", "A16", 0, "neu", "aurora brazil support email address enna? oru ticket podanum"),
    ("aurora", "A1", 0, "pos", "Aurora delivery எப்பவுமே fast 👌 இந்த தடவை Belém (Pará)-க்கு standard delivery-க்கு எத்தனை நாள் ஆகும்?"),
    ("aurora", "A2", 0, "neu", "aurora plus mexico la oru varushathuku evlo?"),
    ("aurora", "-", 0, "neu", "எங்க அபார்ட்மென்ட் watchman கிட்ட courier-காரங்க பார்சலை கொடுத்துடுவாங்களா?"),
    ("aurora", "-", 0, "neu", "பிக்கப்புக்கு Polanco-ன்னு தேர்வு பண்ணிட்டேன், இப்போ அதை Coyoacán-ல எடுத்துக்கலாமா?"),
    ("aurora", "-", 0, "neu", "NF-e english la kidaikuma? en office ku english copy venum"),
    ("aurora", "-", 0, "neu", "polanco store la open box discount items edhavadhu irukka?"),
    ("aurora", "-", 0, "neg", "vera shop la custom PC build panni romba mosam aachu, aurora la gaming PC custom build panni tharuveengala?"),
    ("aurora", "-", 1, "neu", "திருப்பி அனுப்பின laptop-ல என் personal files இருக்கு, அழிக்கறதுக்கு முன்னாடி யாராவது என்னை call பண்ணுங்க"),
    ("aurora", "-", 1, "neg", "bot-கிட்ட order number சொன்னா 'invalid'னு சொல்லுது, அது சரியான நம்பர் தான், மனுஷங்க யாராவது பாருங்க"),
    ("aurora", "-", 1, "neg", "naan plus member, phone support ku 2 naala call panren yaarum edukkala. someone call me back pls"),
    ("aurora", "-", 1, "neg", "price match request rendu thadava reject aayiduchu, reason kooda sollala. oru human check panna mudiyuma?"),
    ("aurora", "-", 0, "neg", "வாங்கின router ஒவ்வொரு மணி நேரமும் wifi கட் ஆகுது, ரொம்ப கடுப்பா இருக்கு"),
    ("solmar", "S9", 0, "neu", "airline locator எங்க இருக்கும்? Solmar code-ம் அதுவும் ஒண்ணா?"),
    ("solmar", "S10", 0, "neu", "solmar la english la pesuvaangala? enakku spanish konjam kooda theriyadhu"),
    ("solmar", "S11", 0, "pos", "உங்க offers எல்லாம் சூப்பர் 😍 newsletter coupon-ஐ Venta Anticipada கூட சேர்த்து use பண்ணலாமா?"),
    ("solmar", "S12", 0, "neu", "booking la company name poda maranthuten, invoice ku ippo enga request pannanum?"),
    ("solmar", "S13", 0, "neu", "குரூப் பயணத்துக்கு 30% deposit கட்டிட்டோம், மீதிப் பணத்தை எப்போ கட்டணும்?"),
    ("solmar", "S14", 0, "neg", "accessible room nu hotel la before payment confirm pannuveengala? last time emaathitaanga"),
    ("solmar", "S1", 0, "neg", "இன்னும் 3 வாரத்துல கிளம்புற பேக்கேஜுக்கு இப்போவே முழுப் பணமும் கட்டணுமா? ரொம்ப அநியாயம்"),
    ("solmar", "S2", 1, "neu", "classic fare la dubai flight date maathalama? oru agent enakku call panni sollunga"),
    ("solmar", "S3", 0, "neu", "card-ல pay பண்ணேன், cancel பண்ணா refund cash-ஆ வாங்கிக்கலாமா?"),
    ("solmar", "-", 0, "neu", "அண்டார்டிகாவுக்கு கப்பல் பயணம் (cruise) நீங்க ஏற்பாடு பண்ணுவீங்களா?"),
    ("solmar", "-", 0, "neu", "ரோம்ல wheelchair-ல போற மாதிரி சுற்றுலா excursion இருக்கா? அப்பாவுக்கு நடக்க முடியாது"),
    ("solmar", "-", 0, "neu", "hand luggage la veetu saapadu (idli, podi) kondu pogalama?"),
    ("solmar", "-", 0, "neu", "sri lanka ku package irukka? colombo + kandy maadhiri"),
    ("solmar", "-", 0, "neu", "jerusalem pilgrimage tour neenga organise pannuveengala?"),
    ("solmar", "-", 1, "neg", "overbooking-னு சொல்லி எங்களை வேற ஊர் ஹோட்டலுக்கு அனுப்புறாங்க, இது நியாயமா? Solmar-ல யாராவது இப்போவே பேசுங்க"),
    ("solmar", "-", 1, "neu", "catania la volcano ash naala flights cancel, hotel la stuck, oru agent udane call pannunga"),
    ("solmar", "-", 1, "neg", "bot ovvoru thadavayum 'transferring you...' nu solludhu, apram onnum nadakkala 😤 oru human kudunga"),
    ("solmar", "-", 0, "neg", "பஸ் டூர்ல guide எங்களை விட்டுட்டு கிளம்பிட்டார், ரொம்ப மோசம்"),
    ("demo", "D5", 0, "neu", "வீல் ஹப் ஒன்றரை வருஷத்துல உடைஞ்சுடுச்சு, இது warranty-ல வருமா?"),
    ("demo", "D6", 1, "neu", "enga office la 5 bikes irukku, workshop slot phone la book pannalama? yaaravadhu call pannunga"),
    ("demo", "D7", 0, "neu", "இரண்டு city bike இரண்டு நாளுக்கு வாடகைக்கு எடுத்தா எவ்ளோ ஆகும்?"),
    ("demo", "D8", 0, "neu", "trade-in ku pazhaya bike ah value panna kadai ku kondu varanuma?"),
    ("demo", "D9", 0, "pos", "உங்க கடை service சூப்பர்! gift card வாங்கினா எத்தனை வருஷம் valid?"),
    ("demo", "-", 0, "neu", "வாடகை e-bike-ஐ ஒரு வாரம் முன்னாடியே reserve பண்ண முடியுமா?"),
    ("demo", "-", 0, "neu", "rendu rental bike eduthaa discount irukka? naanum wife um"),
    ("demo", "-", 1, "neg", "workshop la en bike ku naan sollaadha vera part pottirukkaanga, yaaravadhu check pannunga"),
    ("demo", "-", 1, "neu", "tuesday van delivery la en bike varala, yaaravadhu call panni sollunga"),
    ("demo", "-", 0, "neg", "சர்வீஸ் முடிஞ்சதும் seatpost கீழே இறங்கிக்கிட்டே இருக்கு, கடுப்பு"),
]),
("te", [
    ("aurora", "A3", 0, "neu", "మెక్సికోలో కొన్న హెడ్‌ఫోన్స్‌ని బ్రెజిల్‌కి షిఫ్ట్ అయ్యాక అక్కడ return చేయొచ్చా?"),
    ("aurora", "A4", 1, "neu", "tracking lo 'label created' ani 20 gantala nundi ade undi, idi normal aa? evaraina call chesi cheppandi"),
    ("aurora", "A5", 0, "neu", "return ఎలా start చేయాలి? app లో ఎక్కడ చూడాలో అర్థం కావట్లేదు"),
    ("aurora", "A6", 0, "neg", "mee refund process entha complicated 😒 OXXO lo cash pay chesanu, refund maa amma account ki veyyochaa?"),
    ("aurora", "A7", 0, "neu", "Protege ఎంత కాలానికి తీసుకోవచ్చు? 12 నెలలు మాత్రమేనా?"),
    ("aurora", "A8", 0, "neu", "mexico site lo SPEI transfer tho pay cheyyocha?"),
    ("aurora", "A9", 0, "pos", "మీ MSI ఆఫర్లు సూపర్! Citibanamex కార్డుతో 3,500 పెసోల ల్యాప్‌టాప్‌ని 12 MSI లో కట్టొచ్చా?"),
    ("aurora", "A10", 0, "neg", "CFDI files inka raledu ani accountant godava chestunnadu, enni gantalalo vastayi?"),
    ("aurora", "A11", 0, "neu", "ఆదివారం ఉదయం 10 గంటలకి వెళ్తే స్టోర్ తెరిచి ఉంటుందా? పికప్ ఉంది"),
    ("aurora", "A12", 0, "neg", "delivery ayyaka 20 rojulaki price taggindi, chala badhaga undi. difference istara?"),
    ("aurora", "-", 0, "neu", "గేమింగ్ చెయిర్ కొంటే మీరు ఇంటికి వచ్చి assemble చేస్తారా?"),
    ("aurora", "-", 0, "neu", "Puebla లో కొత్త స్టోర్ ఎప్పుడు ఓపెన్ చేస్తున్నారు?"),
    ("aurora", "-", 0, "neu", "old HP laptop ki charger spare part ga ammutara?"),
    ("aurora", "-", 0, "neu", "xiaomi phones mexico site lo ammutara?"),
    ("aurora", "-", 0, "neu", "naa aurora account ni mexico nundi brazil ki marchocha? akkadiki shift avutunna"),
    ("aurora", "-", 1, "neg", "మీ వెబ్‌సైట్‌లో నా అడ్రస్ మారడం లేదు, ప్రతిసారి error 😤 ఎవరైనా మనిషి సహాయం చేయండి"),
    ("aurora", "-", 1, "neg", "chat agent నాకు coupon ఇస్తానని చెప్పారు, ఇంకా రాలేదు. ఎవరైనా బాధ్యులతో మాట్లాడాలి"),
    ("aurora", "-", 1, "neg", "andares store lo gantasepu wait cheyinchi order dorakaledu annaru, evaraina check cheyandi"),
    ("aurora", "-", 1, "neu", "direct ga cheptunna, naaku oka human agent kavali"),
    ("aurora", "-", 0, "neg", "కొన్న phone case రెండు వారాల్లోనే పసుపు రంగుకి మారిపోయింది, చాలా నిరాశ"),
    ("solmar", "S4", 0, "pos", "మొదటిసారి యూరప్ ట్రిప్, చాలా excited! Madrid నుంచి Rome ఫ్లైట్‌కి ఎక్స్‌ట్రా సూట్‌కేస్ ఎంత?"),
    ("solmar", "S5", 0, "neu", "ESTA flight ki 2 rojulu mundu apply cheste saripotunda? spanish passport undi"),
    ("solmar", "S6", 0, "neu", "250 యూరోల ట్రిప్‌కి Pago Flex వాడొచ్చా?"),
    ("solmar", "S7", 0, "neu", "iddaram peru velthunnam, seguro solmar total motham entha avutundi?"),
    ("solmar", "S8", 0, "neu", "కుక్కని తీసుకెళ్ళడానికి ఏ documents కావాలి? microchip తప్పనిసరా?"),
    ("solmar", "S9", 0, "neg", "last time airport lo check-in ki airline dabbulu teesukundi 😤 entha varaku charge chestaru?"),
    ("solmar", "S10", 0, "neu", "Solmar email address ఏంటి? documents పంపాలి"),
    ("solmar", "S11", 1, "neu", "newsletter coupon 450 euro booking ki vadocha? evaraina agent call chesi cheppandi please"),
    ("solmar", "S12", 0, "neu", "Mexico లో బుక్ చేశాను, CFDI 4.0 ఇస్తారా?"),
    ("solmar", "-", 0, "neu", "మీ ఆఫీసులో లగేజ్ కొన్ని గంటలు ఉంచుకోవచ్చా? సాయంత్రం ఫ్లైట్ ఉంది"),
    ("solmar", "-", 0, "neu", "ప్యాకేజీ ఫ్లైట్‌లో veg భోజనం ముందే select చేయొచ్చా?"),
    ("solmar", "-", 0, "neg", "hidden fees untaya? last booking lo extra cut ayyindi 😤 flight book cheste service fee entha?"),
    ("solmar", "-", 0, "neu", "kailash yatra package unda mee daggara?"),
    ("solmar", "-", 0, "neu", "bali lo private pool villa packages unnaya?"),
    ("solmar", "-", 1, "neu", "యాప్‌లో నా బుకింగ్ కనపడట్లేదు, ఎవరైనా agent చెక్ చేసి నాకు ఫోన్ చేయండి"),
    ("solmar", "-", 1, "neu", "groups department tho matladali, maa office lo 60 mandi unnaru"),
    ("solmar", "-", 1, "neg", "cancel chesi 3 weeks aindi, refund inka raledu. evaraina human check cheyandi please"),
    ("solmar", "-", 0, "neg", "లిస్బన్ హాస్టల్‌లో నల్లులు, రాత్రంతా నిద్ర లేదు, చాలా దారుణం"),
    ("demo", "D10", 0, "neu", "WhatsApp నంబర్ ఏంటి? విరిగిన పార్ట్ ఫోటోలు పంపాలి"),
    ("demo", "D1", 1, "neu", "saturday 3:30 pm ki lock konadaniki ravacha? evaraina call chesi confirm cheyandi"),
    ("demo", "D2", 0, "pos", "మీ షాప్ చాలా బాగుంది! ట్రామ్‌లో వస్తే ఏ స్టాప్‌లో దిగాలి?"),
    ("demo", "D3", 0, "neu", "chain order chesthe thursday 1 pm ki, ivala dispatch avutunda?"),
    ("demo", "D4", 0, "neu", "రసీదు పోయింది కానీ order number ఉంది, return చేయొచ్చా?"),
    ("demo", "-", 0, "neu", "నా సొంత parts తెచ్చి fit చేయమంటే labour ఎంత?"),
    ("demo", "-", 0, "neu", "carbon road bikes stock lo unnaya?"),
    ("demo", "-", 1, "neu", "naa rental e-bike inko roju extend cheyali, evaraina call cheyandi"),
    ("demo", "-", 1, "neg", "shop lo staff naatho rude ga matladaru, evaraina responsible person tho matladali"),
    ("demo", "-", 0, "neg", "కొత్త బైక్ పెడల్ మొదటి రోజు నుంచే కిర్రు కిర్రుమంటోంది, చిరాకు"),
]),
("fr", [
    ("aurora", "A13", 1, "neg", "franchement déçu, j'ai commandé le mauvais casque... je veux annuler la commande, ça coûte qqch? sinon qu'un conseiller me rappelle svp"),
    ("aurora", "A6", 0, "neu", "remboursé sur ma carte il y a 4 jours ouvrés mais rien sur mon relevé, c'est normal?"),
    ("aurora", "-", 0, "neu", "vous faites des réductions pour les profs? j'achète souvent des tablettes pour ma classe"),
    ("solmar", "S13", 0, "neu", "on organise un séminaire d'entreprise pour 14 personnes, vous répondez au devis en combien de temps?"),
    ("solmar", "S3", 0, "neu", "j'ai annulé mon forfait, la partie vol dépend de la compagnie: le remboursement prend combien de temps?"),
    ("solmar", "-", 1, "neg", "vol retour de la havane annulé, on est coincés à l'aéroport et personne ne répond, il me faut quelqu'un de solmar tout de suite"),
    ("demo", "D6", 0, "pos", "super boutique, merci! le service de base c'est combien et c'est prêt en combien de jours?"),
]),
("it", [
    ("aurora", "A14", 0, "neu", "mi avete mandato il modello sbagliato di aspirapolvere, devo portarlo io alle poste?"),
    ("aurora", "A15", 1, "neg", "che delusione, il preventivo di trade-in è di 3 settimane fa: vale ancora? vorrei parlare con qualcuno"),
    ("aurora", "A2", 0, "neu", "se ritiro l'ordine in negozio a polanco pago qualcosa di spedizione?"),
    ("solmar", "S14", 0, "neu", "l'assistenza in aeroporto per mio nonno che cammina male si paga?"),
    ("solmar", "S7", 0, "neu", "se devo annullare perché mio figlio ha un incidente, il seguro total copre fino a quanto?"),
    ("solmar", "-", 0, "neu", "posso portare il mio monopattino elettrico in aereo col pacchetto?"),
    ("demo", "D9", 0, "pos", "negozio bellissimo! la bici da 650 euro posso pagarla in 6 rate con la carta di credito?"),
]),
("de", [
    ("aurora", "A16", 0, "neu", "in welcher zeitzone gelten eure chat-zeiten? ich sitze in deutschland"),
    ("aurora", "A9", 0, "neu", "wenn ich in brasilien in 11 raten zahle, wie hoch sind die zinsen?"),
    ("aurora", "-", 1, "neg", "ich möchte bitte mit einem mitarbeiter sprechen, der chatbot versteht mein lieferproblem einfach nicht"),
    ("solmar", "S4", 0, "neu", "was kostet ein zusätzlicher koffer auf dem flug nach buenos aires?"),
    ("solmar", "S10", 0, "neu", "kann ich freitags um 20:30 noch bei eurer spanischen nummer anrufen?"),
    ("solmar", "-", 0, "neu", "gibt es rabatt für meine begleitperson? ich habe einen schwerbehindertenausweis"),
    ("demo", "D3", 0, "neu", "bekomme ich eine sendungsnummer, wenn ihr das ersatzteil verschickt?"),
]),
]
# fmt: on


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
    """Lower-cased words with accents (combining marks) stripped."""
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return re.findall(r"\w+", t)


def runs(ws, n=5):
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


def scripts(text):
    """Set of Indic languages whose script occurs in text."""
    found = set()
    for ch in text:
        for lang, (lo, hi) in NATIVE_RANGE.items():
            if lo <= ch <= hi:
                found.add(lang)
    return found


def fail(errors):
    for e in errors:
        print("ERROR: " + e, file=sys.stderr)
    print(f"{len(errors)} problem(s); nothing written", file=sys.stderr)
    sys.exit(1)


def main():
    files = {"aurora": EVAL_DIR / "aurora-faq.txt", "solmar": EVAL_DIR / "solmar-faq.txt", "demo": DEMO_FAQ}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        fail([f"FAQ file not found: {p}" for p in missing])

    errors = []
    parsed = {
        "aurora": headings_txt(files["aurora"]),
        "solmar": headings_txt(files["solmar"]),
        "demo": headings_md(files["demo"]),
    }
    for tenant, letter in CODE_LETTER.items():
        table = [h for code, h in HEADINGS.items() if code.startswith(letter)]
        if table != parsed[tenant]:
            errors.append(f"{tenant}: heading table {table} != headings parsed from {files[tenant]} {parsed[tenant]}")

    faq_runs = set()
    for p in files.values():
        faq_runs |= runs(words(p.read_text(encoding="utf-8")))

    seen = Counter()
    for _lang, rows in BLOCKS:
        for row in rows:
            seen[row[4]] += 1
    for text, n in seen.items():
        if n > 1:
            errors.append(f"text occurs {n} times: {text!r}")

    langs = [lang for lang, _ in BLOCKS]
    if sorted(langs) != sorted(DESIGN) or len(set(langs)) != len(langs):
        errors.append(f"blocks {langs} do not match the design {sorted(DESIGN)}")

    for lang, rows in BLOCKS:
        counts = {t: [0, 0, 0, 0] for t in CODE_LETTER}
        native = Counter()
        per_tenant = Counter()
        for row in rows:
            if len(row) != 5:
                errors.append(f"{lang}: row does not have 5 fields: {row!r}")
                continue
            tenant, code, wh, sent, text = row
            where = f"{lang} {tenant} {text[:40]!r}"
            if tenant not in CODE_LETTER:
                errors.append(f"{where}: unknown tenant")
                continue
            if code != "-" and (code not in HEADINGS or not code.startswith(CODE_LETTER[tenant])):
                errors.append(f"{where}: section code {code!r} does not belong to {tenant}")
            if wh not in (0, 1):
                errors.append(f"{where}: wants_human must be 0 or 1")
            if sent not in SENTIMENT:
                errors.append(f"{where}: sentiment {sent!r} not in {sorted(SENTIMENT)}")
            if not 20 <= len(text) <= 170:
                errors.append(f"{where}: length {len(text)} outside 20-170")
            if text != text.strip():
                errors.append(f"{where}: leading or trailing space")
            shared = runs(words(text)) & faq_runs
            if shared:
                errors.append(f"{where}: shares a 5-word run with an FAQ: {' '.join(sorted(shared)[0])!r}")
            sc = scripts(text)
            if lang in NATIVE_RANGE:
                if sc - {lang}:
                    errors.append(f"{where}: letters of another Indic script {sorted(sc - {lang})}")
                native[tenant] += lang in sc
            elif sc:
                errors.append(f"{where}: Indic letters in a {lang} row")
            per_tenant[tenant] += 1
            counts[tenant][(0 if code != "-" else 2) + (1 if wh else 0)] += 1
        for tenant in CODE_LETTER:
            if tuple(counts[tenant]) != DESIGN.get(lang, {}).get(tenant):
                errors.append(
                    f"{lang} {tenant}: ans/ans+wh/unans/unans+wh {tuple(counts[tenant])} != design "
                    f"{DESIGN.get(lang, {}).get(tenant)}"
                )
            if lang in NATIVE_RANGE and native[tenant] * 2 != per_tenant[tenant]:
                errors.append(
                    f"{lang} {tenant}: {native[tenant]} of {per_tenant[tenant]} rows in native script, want half"
                )

    if errors:
        fail(errors)

    lines, numbers = [], Counter()
    for lang, rows in BLOCKS:
        for tenant, code, wh, sent, text in rows:
            numbers[tenant] += 1
            msg = {
                "id": f"{PREFIX}-{tenant}-{numbers[tenant]:03d}",
                "tenant": tenant,
                "text": text,
                "language": lang,
                "answerable": code != "-",
                "section": HEADINGS[code] if code != "-" else None,
                "wants_human": bool(wh),
                "sentiment": SENTIMENT[sent],
            }
            lines.append(json.dumps(msg, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} messages to {OUT}")


if __name__ == "__main__":
    main()
