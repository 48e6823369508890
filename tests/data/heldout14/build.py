#!/usr/bin/env python3
"""Write heldout14/messages.jsonl from the hand-written table below.

One block per language. A row is `<tenant> <section> <wants_human> <sentiment> | <text>`:
tenant a = aurora, s = solmar, d = demo; section A1-A16, S1-S14, D1-D10 or `-` (not answerable);
wants_human `h` (true) or `-` (false); sentiment pos, neu or neg. A line that starts with spaces and `+ `
continues the text of the row above (joined with one space). The language is the block's.

Before writing anything the script checks the table (see README.md). Any failure: message on stderr,
nothing written, exit status 1.

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
PREFIX = "h14"

TENANTS = {"a": "aurora", "s": "solmar", "d": "demo"}
SENTIMENTS = {"pos": "positive", "neu": "neutral", "neg": "negative"}
LANGS = ["en", "es", "pt", "hi", "ta", "te", "fr", "it", "de"]

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

# Designed rows per language and tenant: (answerable without wants_human, answerable with wants_human,
# unanswerable without wants_human, unanswerable with wants_human).
MAIN = {"aurora": (9, 1, 6, 4), "solmar": (8, 1, 6, 3), "demo": (4, 1, 3, 2)}
DESIGN = {
    "en": MAIN,
    "es": MAIN,
    "pt": MAIN,
    "hi": MAIN,
    "ta": MAIN,
    "te": MAIN,
    "fr": {"aurora": (2, 1, 0, 0), "solmar": (1, 0, 1, 1), "demo": (1, 0, 0, 0)},
    "it": {"aurora": (2, 0, 1, 0), "solmar": (2, 1, 0, 0), "demo": (1, 0, 0, 0)},
    "de": {"aurora": (2, 0, 0, 1), "solmar": (2, 0, 1, 0), "demo": (1, 0, 0, 0)},
}
# Designed (positive, negative) rows per language; the rest are neutral.
SENTIMENT_DESIGN = {
    "en": (3, 14),
    "es": (3, 13),
    "pt": (3, 13),
    "hi": (3, 13),
    "ta": (3, 14),
    "te": (3, 13),
    "fr": (1, 2),
    "it": (1, 1),
    "de": (0, 1),
}
# Own script of the languages written half in Indic script; any Indic letter lies in INDIC.
OWN_SCRIPT = {"hi": (0x0900, 0x097F), "ta": (0x0B80, 0x0BFF), "te": (0x0C00, 0x0C7F)}
INDIC = (0x0900, 0x0DFF)

EN = r"""
a A1 - neu | im in rio branco (acre) on a work contract, ordering a router from the brazil site. realistically how
    + many business days??
a A2 - neu | my cart is MXN 998 lol. one peso short, do i actually get charged the 99 for shipping?
a A3 - neu | Can I order on aurora.com.mx and have a tablet sent to my aunt in Montevideo? she can't find that
    + model in Uruguay
a A4 - neg | third delivery attempt failed bc our building intercom is broken 🙄 if it goes back to you do i get the
    + full MXN 1,450 back incl the 99 shipping?
a A5 - neu | bought a Switch game as a gift, still sealed in the plastic, but the party got cancelled. it was
    + delivered 10 days ago, can it go back?
a A6 - neu | my return reached your warehouse on monday. paid with mercado pago. worst case, what day should the
    + money show up?
a A7 h neu | smartwatch won't turn on anymore, 14 months after it was delivered. I paid for 12 months of Protege,
    + is this covered? honestly I'd rather someone just called me
a A8 - neu | do you take american express DEBIT cards on the mexican site or only amex credit?
a A9 - neg | the banner says interest free... if i split a R$ 1.200 phone into 12 on the brazilian site are all 12
    + really without interest or is that a trick
a A10 - neg | ugh. paid for a monitor jan 31 right before midnight and my accountant only told me today (feb 1)
    + that I need a CFDI. too late??
a - - neu | does Aurora Plus give me more time than the usual 48h to report a damaged delivery?
a - - neu | do you have a baby registry / gift list thing like Liverpool's mesa de regalos?
a - - neu | is the "Aurora" official store on Mercado Libre actually you, or someone using your name?
a - - neu | does the Protege extended warranty still work if I take my laptop to Spain for a semester abroad?
a - - pos | love your deals!! I review gadgets on youtube (40k subs), do you guys have an affiliate program?
a - h neu | got TWO identical air fryers and only paid for one. happy to give one back but I'm not driving to a
    + store, someone needs to arrange a pickup
a - h neg | the bot just told me to call the Plus phone line. I'm not a Plus member. genius. is there an actual
    + human reading this
a - h neu | my thesis laptop is in warranty repair and my defense is on friday. I need someone who can actually
    + speed this up, please call me
a - h neg | I want to talk to whoever handles chargebacks or legal, this is my 4th email about the same double charge
a - - neg | the smart lock I bought eats a full set of AA batteries every 3 days. brand new. ridiculous
s S1 - neu | can I book a Mediterranean cruise in person at your Bogotá office? I'll be there on business next month
s S2 - neu | we already used the free change from Tarifa Flexible on our Lisbon trip. if we need to move the date
    + again is that free too?
s S3 - neu | hotel in Split booked with free cancellation until June 1st, today is May 30. can I cancel without
    + paying anything?
s S4 h neu | the shell of my suitcase cracked on the flight to Bari, only noticed at the hotel and filled in
    + nothing at the airport. is it too late? can someone from your team call me
s S5 - neu | going to the US next spring. apart from the ESTA, how long does my passport need to be valid?
s S6 - neu | if I book a package today that leaves in exactly 7 days, can I still pay it by bank transfer?
s S7 - pos | you guys nailed our Peru trip last year 🙌 now Thailand, 10 days, 4 of us. how much would Seguro Solmar
    + Total be in total?
s S8 - neu | my husband and I each want to bring our own cat in the cabin (about 4 kg each with carrier). is that
    + ok or only one per booking?
s S9 - neg | charter flight to Punta Cana leaves saturday morning, it's thursday night and still no boarding passes
    + in my inbox. this is stressing me out, is that normal??
s - - neu | do you offer an annual multi-trip version of Seguro Solmar Total? I travel like 6 times a year
s - - neu | can we split one package between 4 friends directly in the app, each paying with their own card?
s - - neu | do you arrange private jet charters? small group of 6, Ibiza, mid august
s - - neu | for the Japan package, do I need an international driving permit to rent a car there?
s - - neg | booked with you 6 times and never got any loyalty perk. do regular customers at least get priority on
    + sold-out dates?
s - h neu | wildfire smoke near our hotel in Rhodes and staff are telling guests to pack. need someone from Solmar
    + to move us TODAY
s - h neg | asked about adding a night in Rome 3 times and the bot keeps showing me the cancellation fee table.
    + please, a person
s - h neu | who's in charge of visas at Solmar? I need to talk to that person directly about my father's paperwork
s - - neg | the "city centre" hotel in Porto was a 40 minute bus ride from the centre. we spent half the trip commuting
d D1 - pos | you did an amazing job on my last tune-up! will someone be at the workshop to take my road bike on
    + saturday around 1:30pm?
d D2 - neu | coming with a van to collect 3 bikes, how many parking spots do you have out front?
d D3 - neu | is it free to ship a 1,100 EUR bike to my cousin on the other side of the country? and does it arrive
    + in one piece or in parts?
d D4 - neg | seriously, do I have to pay postage to return a saddle I never even used? it's still in the box
d D5 h neu | rear hub started grinding, bike is 8 months old and bought from you. do I have to send the hub to the
    + manufacturer myself? would be easier to talk to a mechanic tbh
d - - neu | do you offer a yearly service plan or subscription? I'd rather pay monthly than get surprised
d - - neg | how long is the guarantee on a repair you did? you replaced my bottom bracket 3 weeks ago and it's
    + clicking again
d - h neg | your van driver scratched our hallway wall carrying the bike in. I want to speak to the manager about it
d - h neu | I'm a physiotherapist and one of my patients needs an adapted trike. can someone knowledgeable give me
    + a call this week?
d - - neg | picked it up after the service and there's chain oil splattered all over my rear rim and my trousers. great.
"""

ES = r"""
a A11 - neu | mi pedido lleva 8 días esperándome en la tienda de Andares porque me enfermé, ¿todavía me lo guardan?
a A12 - neu | en amazon mx el mismo modelo está más barato pero es reacondicionado, ¿me igualan el precio?
a A13 h neu | en el mismo pedido venía una laptop y un mouse y ya no quiero el mouse, ¿se puede quitar nomás eso?
    + mejor que alguien me marque
a A14 - neg | neta, pedí el cel de 256 GB y ayer en la tarde me llegó el de 128. ¿en cuánto tiempo me mandan el bueno?
a A15 - pos | la vez pasada el trade-in estuvo bien chido 🙌 ¿ahora puedo dejar mi laptop vieja en la tienda de San
    + Pedro en vez de mandarla?
a A16 - neu | ¿a qué hora empiezan a contestar personas en el chat entre semana? yo escribo como a las 7:30 antes
    + de entrar a chambear
a A1 - neu | vivo en Querétaro capital, ¿mi pedido sale de ahí mismo? ¿entonces me llega más rápido que a otras
    + ciudades?
a A2 - neg | ¿neta me van a cobrar sobredimensionado por una pantalla de 65 pulgadas justitas? pensé que era para
    + las más grandes
a A3 - neu | mi primo vive en Asunción, ¿le puedo mandar unos audífonos desde aurora.com.mx?
a A4 - neg | ya me desesperé, la guía de DHL lleva 4 días hábiles sin moverse. ¿ya lo puedo reportar o todavía me
    + espero?
a - - neu | ¿Aurora Plus te da prioridad en la fila para recoger en tienda?
a - - neu | ¿en el trade-in puedo dar dos celulares juntos para bajarle a una sola compra?
a - - neu | ¿puedo llevar a mi perrito a la tienda de Coyoacán cuando vaya a recoger mi pedido?
a - - neu | ¿la cotización del trade-in pide que mande el cargador original o nomás el equipo?
a - - neu | ¿el paquete puede llegar en una caja sin logo? es regalo sorpresa para mi esposa y ella recibe todo
a - h neg | el bot me dijo que reiniciara mi refri 🙃 yo pregunté por mi factura. ¿hay algún humano por ahí?
a - h neu | dejaron en mi puerta un paquete a nombre de la vecina de enfrente y ella ya se mudó. que alguien de
    + logística me diga qué hago
a - h neg | quiero poner una queja formal: el guardia de Polanco no me dejó entrar con mi mochila y me trató fatal.
    + que me contacte una persona
a - h neu | ¿me pueden marcar? mi mamá compró una pantalla con mi cuenta y la quiere pagar con otra tarjeta, está
    + bien enredado
a - - neg | la impresora que me llegó se atora con cada hoja que le meto. nueva de paquete. una joya
s S10 - neu | ¿el WhatsApp de Solmar es el mismo número que el teléfono de España o es otro distinto?
s S11 - neg | qué rácano... ¿el cupón de bienvenida, el de 20 €, no vale para un paquete que cuesta 400 € justos?
s S12 - neu | acabo de ver que la razón social de la factura está mal. la emitisteis hace 85 días, ¿aún se puede
    + corregir?
s S13 - neu | para el viaje de empresa, si cambiamos a un compañero por otro 25 días antes de salir, ¿nos cobráis algo?
s S14 - neu | mi madre va en silla eléctrica y salimos pasado mañana, ¿todavía estoy a tiempo de avisar de la batería?
s S1 - pos | ¡qué ilusión, primer viaje con vosotros! reservé por teléfono hace 10 minutos y aún no tengo ningún
    + correo, ¿es normal?
s S2 - neu | quiero mover el hotel de Menorca y faltan justo 15 días para la entrada. ¿cuenta como cambio o ya es
    + cancelación?
s S3 h neu | tenemos que cancelar el paquete de Túnez, quedan 16 días y costó 1.100 €. ¿cuánto perdemos? prefiero
    + que me llame alguien para gestionarlo
s S4 - neg | la aerolínea del año pasado me clavó 90 € por la tabla. con vosotros, ¿cuánto cuesta llevar una tabla
    + de surf a Bali ida y vuelta?
s - - neu | ¿el paquete de Egipto incluye las propinas del crucero por el Nilo o se pagan aparte?
s - - neu | ¿organizáis viajes tipo IMSERSO para jubilados? mis padres están buscando algo así
s - - neg | ¿la oficina de Madrid tiene parking para clientes? la última vez me pusieron una multa por aparcar en
    + la puerta
s - - neu | ¿me podéis sacar las entradas para la Alhambra junto con el paquete de Granada?
s - - neu | en el hotel de Cancún, ¿puedo pedir habitaciones comunicadas para tener cerca a los críos?
s - h neu | estamos en Bali, a mi marido le han operado de apendicitis y hay que cambiar el vuelo de vuelta. que me
    + llame alguien, por favor
s - h neg | el chat me acaba de decir que Bizum funciona en México. Vale. Pásame con alguien que sepa de verdad
s - h neu | me gustaría hablar con alguien del departamento de marketing, tengo una cuenta de viajes con 80 mil
    + seguidores
s - - neg | el traslado del aeropuerto paró en quince hoteles y tardamos tres horas en llegar al nuestro. de vergüenza
d D6 - pos | la bici va de lujo desde que la compré aquí hace 10 semanas. ¿la primera revisión me sale gratis?
d D7 - neu | soy turista, ¿puedo alquilar una bici eléctrica solo con el pasaporte?
d D8 h neu | ¿mi bici vieja la valoráis por fotos o tengo que llevarla a la tienda? si puede ser, que me llame
    + alguien del taller
d D9 - neu | ¿aceptáis American Express en la tienda?
d D10 - neu | si escribo por WhatsApp, ¿me contesta una persona o un bot?
d - - neu | ¿me podéis quitar el limitador de velocidad de la bici eléctrica?
d - - neu | ¿envolvéis la bici para regalo? es para el cumple de mi hijo
d - h neg | la tarjeta regalo que me dio mi tía marca saldo cero y no la he usado nunca. me parece fatal, necesito
    + que alguien lo mire
d - h neu | ¿me puede llamar alguien para pedir presupuesto de montar unas ruedas nuevas? por mensaje no me aclaro
d - - neg | me cambiasteis las cubiertas y las montasteis al revés, con el dibujo en sentido contrario. lo he visto hoy
"""

PT = r"""
a A5 - neu | recebi o notebook faz 8 dias e desisti, achei lento. se devolver, recebo de volta o frete de R$ 24,90?
a A6 - neu | vou devolver um notebook de R$ 2.400. se eu pedir crédito na loja em vez do estorno, fico com quanto?
a A7 - neu | quanto sai a Protege de 24 meses pra um celular de R$ 3.500?
a A8 - pos | amei esse fone de R$ 640 😍 se eu pagar no Pix fica quanto?
a A9 - neu | dá pra parcelar R$ 450 em 9x sem juros no cartão?
a A10 - neg | sou brasileira e moro em Guadalajara. pedi a CFDI no domingo, hoje é quarta e nada de PDF nem XML.
    + quanto tempo mais?
a A11 - neu | a loja de Pinheiros ainda tá aberta sábado às 20h40? saio do trampo tarde
a A12 - neg | de novo não vão cobrir? a Casas Bahia tem mais barato mas lá tá esgotado, vale pro price match?
a A13 - neu | comprei um jogo em pré-venda que lança amanhã, ainda dá pra cancelar hoje?
a A14 h neu | faltou o controle remoto na caixa da TV que chegou ontem. o que eu faço? queria falar com um atendente
a - - neu | a loja de Pinheiros tem rampa de acesso? minha vó é cadeirante e quer ir comigo retirar
a - - neg | comprei uma câmera que veio só com manual em inglês. vocês têm manual em português em todos os importados?
a - - neu | a Protege pode ser parcelada junto com o produto ou tem que pagar à vista?
a - - neu | vocês aceitam trade-in de empresa? temos uns 15 notebooks velhos no escritório
a - - neg | o carteiro nunca acha minha casa. dá pra colocar um ponto de referência que o entregador veja?
a - h neg | o robô fica me oferecendo celular novo toda vez que pergunto do meu pedido. alguém humano, por favor
a - h neu | a caixa chegou aberta e o celular não tava dentro, só o carregador. preciso de alguém agora
a - h neu | alguém pode me ligar? comprei um presente pelo site e quero combinar a entrega com a portaria do prédio
a - h neg | tô há 40 minutos sendo transferido de um lado pro outro no WhatsApp. quero alguém que resolva
a - - neg | o tablet reinicia sozinho toda vez que abro a câmera. novinho. que decepção
s S5 - neu | sou brasileira morando em Madri. meu filho de 16 anos vai sozinho visitar a avó no Chile, que papel
    + ele precisa levar?
s S6 - neu | moro em Córdoba, na Argentina. dá pra parcelar o pacote em quantas cuotas sem juros?
s S7 h neu | o seguro básico que vem nos pacotes cobre despesa médica até quanto? queria que alguém me ligasse pra
    + explicar melhor
s S8 - neu | a antirrábica da minha cachorra é do mês passado. o atestado veterinário internacional posso tirar 15
    + dias antes do voo pro Brasil?
s S9 - neu | meu voo sai sábado às 7h. na quinta às 7h já consigo fazer o check-in online?
s S10 - neu | o escritório de vocês fecha que horas no sábado?
s S11 - neu | tenho 2.300 pontos no Club Solmar, isso dá quanto de desconto?
s S12 - neu | minha empresa fica em Cali e precisa de fatura eletrônica validada pela DIAN. vocês emitem?
s S13 - pos | adoramos a viagem de formatura que vocês fizeram pro meu filho! vocês também organizam viagem de
    + incentivo pra equipe de vendas?
s - - neu | vocês fazem roteiro personalizado com motorista particular pelo Alentejo?
s - - neu | tem pacote com aula de culinária na Toscana?
s - - neu | vocês vendem seguro saúde pra pet, pra cachorro que viaja junto?
s - - neu | dá pra receber os vouchers da viagem em braille? é pro meu pai
s - - neu | os hotéis de vocês em Lisboa têm carregador pra carro elétrico?
s - h neu | roubaram meu celular em Buenos Aires e os cartões de embarque tavam nele. voo amanhã cedo, alguém me ajuda
s - h neg | queria falar com o diretor do escritório de Medellín, a agente de lá sumiu com a minha reserva
s - h neg | o chat me deu três franquias de bagagem diferentes em 5 minutos. quero falar com uma pessoa
s - - neg | o barco do passeio de snorkel em Tenerife tava tão lotado que nem deu pra sentar. horrível
d D3 - neu | pedi pastilhas de freio e um cabo, deu uns 40 €. quanto é o frete e em quantos dias chega?
d D4 h neg | comprei uma bike há 32 dias, mal usei. ainda dá pra devolver? que chato, queria falar com alguém da loja
d D5 - neu | a bateria da minha e-bike parou com 1 ano e meio e uns 300 ciclos. a garantia cobre?
d D6 - neu | câmara furada: preciso marcar horário ou posso chegar e esperar?
d D7 - pos | vamos passar as férias aí, que demais! quanto fica alugar duas e-bikes por uma semana?
d - - neu | vocês alugam carrinho de bike pra levar criança?
d - - neu | vocês consertam quadro de carbono trincado?
d - h neg | o app da minha e-bike não pareia de jeito nenhum, já perdi a paciência. quero falar com o técnico
d - h neu | alguém pode me ligar pra combinar a entrega de 4 bikes no hotel da minha família?
d - - neg | o farol que vocês instalaram vira pra baixo a cada buraco. já apertei duas vezes
"""

HI = r"""
a A15 - neu | मेरे फ़ोन की स्क्रीन टूटी हुई है पर फ़ोन ऑन होता है, क्या trade-in में ले लोगे?
a A16 - neu | Sunday shaam 5 baje WhatsApp pe message karu to koi agent reply karega ya sirf bot?
a A1 - neu | ब्रासीलिया में express delivery मिलेगी क्या? ऑफिस के लिए मॉनिटर मँगवाना है
a A2 - neu | cart exactly BRL 299 ka hai, free shipping milegi ya ek aur cheez add karni padegi?
a A3 - pos | आपकी site बहुत बढ़िया है! मेरा Indian credit card aurora.com.br पर चलेगा? डिलीवरी São Paulo में चाहिए
a A4 h neu | Loggi pe tracking 'not found' dikha raha hai, email 3 ghante pehle aaya tha. normal hai? warna koi
    + banda call kar le pls
a A5 - neu | ऑर्डर 35 दिन पहले किया था पर डिलीवरी 27 दिन पहले हुई। return के दिन किस तारीख से गिने जाते हैं?
a A6 - neg | refund issue hone ka email aa gaya, par credit card app mein kuch nahi dikh raha. kya ye next
    + statement mein aayega? bahut confusing hai yaar
a A7 - neg | लैपटॉप warranty repair में 3 हफ़्ते से पड़ा है। अगर repair नहीं हो पाया तो मुझे क्या मिलेगा?
a A8 - neu | Mexico wali site pe debit Mastercard chalega ya sirf credit card?
a - - neu | क्या आप पुराने केबल और बैटरियाँ Polanco स्टोर में recycle के लिए लेते हो?
a - - neg | pichli baar kisi aur site se nakli charger aaya tha. Aurora ke phones pe ANATEL certificate hota hai kya?
a - - neu | क्या San Pedro स्टोर में VR headset try करने के लिए कोई demo area है?
a - - neg | pickup code wala email galti se delete ho gaya, phir se jhanjhat. order number dikha ke le sakta hoon kya?
a - - neu | product review likhne pe aap log koi points ya coupon dete ho kya?
a - h neg | bot कह रहा है मेरी warranty खत्म हो गई, जबकि फ़ोन पिछले महीने ही लिया है। किसी इंसान से बात कराओ
a - h neu | कृपया कोई मुझे कॉल करे, बेटी के school project के लिए tablet कल तक चाहिए और order अभी भी Processing में है
a - h neg | koi senior se baat karao jo invoice wala issue samjhe. main CA hoon aur 3 din se ghoom raha hoon
a - h neu | Telegram pe koi agent mujhse contact kar le please, mera WhatsApp abhi band hai
a - - neg | नया microwave लिया है, उसकी plate घूमती ही नहीं। पहले दिन से यही हाल है।
s S14 - neu | होटल में wheelchair वाला कमरा चाहिए, website पर ऐसे होटल कैसे ढूँढूँ?
s S1 - neu | 1,200 € ka package book karna hai, abhi kitna deposit dena hoga?
s S2 h neu | नई तारीख 80 € सस्ती पड़ रही है, क्या फ़र्क का पैसा वापस मिलेगा? कोई मुझे फ़ोन कर दे तो अच्छा रहेगा
s S3 - neu | trip cancel karke bono lu to 1,500 € ka kitna milega aur kab tak valid rahega?
s S4 - neg | सूटकेस टूटा था, PIR भी भरा, पर copy भेजने में 10 दिन हो गए। किसी ने 7 दिन वाली बात बताई ही नहीं, अब भी
    + चलेगा?
s S5 - pos | pichli trip mast thi! ab hum 3 log Madrid se Egypt ja rahe hain. e-visa aap banate ho? kitna lagega?
s S6 - neu | क्या American Express card से पूरे package की payment हो सकती है?
s S7 - neu | flight 6.5 ghante late hua tha, Seguro Total liya hua hai. kuch compensation milega?
s S8 - neg | कुत्ते की seat 5 दिन पहले request करूँ तो चलेगा? इतने सख़्त rules क्यों हैं
s - - neu | Venice wale package mein gondola ride included hai kya?
s - - neu | क्या आप लोग Sagrada Familia के टिकट भी बुक करते हो?
s - - neu | corporate offsite ke liye branded t-shirts aur gifts bhi arrange karte ho?
s - - neu | क्या Club Solmar points से flight में business class upgrade हो सकता है?
s - - neu | infant ke liye flight mein bassinet seat book ho sakti hai kya?
s - h neu | Kathmandu में भूकंप के झटके आए हैं, हमारा trek वाला group फँसा हुआ है। Solmar से कोई अभी संपर्क करे
s - h neg | bot ko 4 baar likha 'vegetarian meal', wo har baar baggage rules bhej deta hai. insaan chahiye bhai
s - h neu | mujhe aapke accounts department se baat karni hai, refund ka UTR number chahiye
s - - neg | होटल का wifi सिर्फ lobby में चलता था, कमरे में बिलकुल नहीं। पूरा हफ़्ता परेशान रहे।
d D8 - neu | पुरानी e-bike की battery बिल्कुल dead है, क्या उसे trade-in में लोगे?
d D9 h pos | aapki shop ka gift card dost ko diya, wo bahut khush hua! kya wo online bhi use kar sakta hai? koi
    + call karke bata de to better
d D10 - neu | आपका email address क्या है? invoice की copy भेजनी है
d D1 - neg | pichli baar 5:40 pe aaya to mana kar diya 😤 weekday pe bike service ke liye kitne baje tak chhod sakte
    + hain?
d D2 - neu | दुकान में सीढ़ियाँ हैं क्या? मम्मी के घुटने का operation हुआ है
d - - neu | naye tyres lagate waqt purane tyres aap log dispose kar dete ho?
d - - neu | क्या e-bike battery की warranty पैसे देकर 2 साल से आगे बढ़वा सकते हैं?
d - h neu | kisi owner ya manager se baat karwa do, office ke liye 10 bikes lene ka plan hai
d - h neu | मेरी बेटी को साइकिल चलाना सीखना है, क्या दुकान से कोई मुझसे बात कर सकता है?
d - - neg | naya gravel bike hai aur uphill pe gears apne aap badal jaate hain. bilkul bekaar
"""

TA = r"""
a A9 - neu | BBVA card-ல MXN 3,000 purchase-க்கு 9 MSI கிடைக்குமா?
a A10 h neu | Aug 30 order panni Sep 2 dhaan pay panninen. CFDI request panna last date enna? yaaravadhu call panni
    + sollunga pls
a A11 - pos | Coyoacán store staff ரொம்ப நல்லா help பண்ணாங்க! ஞாயிறு மாலை 6:30க்கு திறந்திருக்குமா?
a A12 - neg | Liverpool-la Buen Fin offer-la indha fridge 2,000 pesos kammi. unga price romba mosam, match
    + pannuveengala?
a A13 - neu | OXXO-ல பணம் கட்டல. order என்ன ஆகும்? fine ஏதாவது போடுவீங்களா?
a A14 - neg | delivery driver box-a thooki pottaan, ulla crack. delivery aagi 30 hours aachu, ippo report pannalama?
a A15 - neg | 1ஆம் தேதி trade-in quote வாங்கினேன், இன்னைக்கு 16ஆம் தேதி. அதுக்குள்ள expire ஆயிடுச்சா? ரொம்ப சீக்கிரம்
a A16 - neu | night-la virtual assistant dhaan reply pannudhu. agent eppo reply pannuvanga?
a A1 - neu | Tuesday மதியம் 2:05க்கு pay பண்ணேன், 5 நிமிஷம் late. இன்னைக்கே ship ஆகுமா?
a A2 - neg | aurora.com.br-la BRL 1,800 notebook-ku kooda express-ku extra kaasu kekkuringa? evvalavu?
a - - neu | order-ஐ plastic இல்லாம eco-friendly packaging-ல அனுப்ப முடியுமா?
a - - neu | Brazil site-la vaangina phone-ku India-la warranty service kidaikuma?
a - - neu | Polanco store-ல Apple Watch strap மாத்தி போட்டு தருவீங்களா?
a - - neu | trade-in panna pora phone-ku carrier EMI innum baaki irukku, adha edukkuveengala?
a - - neu | ஒரே order-ல வாங்கின இரண்டு பொருளுக்கும் ஒரே Protege plan போடலாமா?
a - h neg | bot kitta Tamil-la kettaa Spanish-la answer pannudhu 😂 please oru real person-a connect pannunga
a - h neu | இரண்டு order-ஐயும் ஒரே delivery-ல சேர்த்து அனுப்ப முடியுமான்னு பேசணும். யாராவது என்னை அழைங்க
a - h neg | pickup store-la en order-a vera yaaro eduthuttaanga nu solraanga! manager kitta urgent-a pesanum
a - h neu | வீடியோ call-ல யாராவது smart TV setup காட்டுவீங்களா? என் அப்பாவுக்கு புரியல
a - - neg | vaangina monitor full-a yellow tint adikkudhu. brand new. total waste
s S9 - neu | flight அதிகாலை 3 மணிக்கு. online check-in எத்தனை மணிக்கு close ஆகும்?
s S10 - neg | last Saturday Mexico number-ku call panninen, yaarum edukala. Mexico phone line Saturday work aagudha
    + illaya?
s S11 h neu | 95 நாள் முன்னாடி package book பண்ணா Venta Anticipada discount கிடைக்குமா? யாராவது phone பண்ணி சொல்லுங்க
s S12 - neu | invoice-la en peru spelling thappu, 2 months munnadi issue aachu. ippo correct panna mudiyuma?
s S13 - pos | போன தடவை trip semma! இந்த தடவை நாங்க 14 பேர், group-க்கு தனி coordinator கிடைப்பாரா?
s S14 - neu | en appa-ku sign language video call venum, Friday 3:30pm-ku kidaikuma?
s S1 - neu | அக்டோபர் 10 புறப்பாடு. மீதி பணத்தை கடைசியா எப்போ கட்டணும்?
s S2 - neu | Tarifa Flexible 45 € per person-aa? rendu peru-ku 90 € aa?
s S3 - neu | 8 நாள் முன்னாடி 1,000 € package-ஐ cancel பண்ணா எவ்வளவு போகும்?
s - - neu | cruise-la gala night-ku dress code irukka? suit edukkanuma?
s - - neu | cruise-ல Marseille-ல நடுவுல ஏறிக்கலாமா?
s - - neu | Solmar-la military or police discount irukka? en husband Guardia Civil
s - - neu | பழைய Solmar bono-வை Seville office-ல cash-ஆ மாத்திக்க முடியுமா?
s - - neu | Japan cherry blossom package-la Kyoto kimono experience include aagumaa?
s - h neu | Zanzibar-ல transfer driver extra 50 dollar கேக்குறான், கொடுக்கலைன்னா போக மாட்டானாம். யாராவது உடனே பேசுங்க
s - h neg | booking confirmation-la hotel peru maaridichu, naan book pannadhu vera hotel. oru manushan kitta
    + pesanum please
s - h neu | எங்க company CEO-க்கு Madrid trip, ரொம்ப confidential. உங்க senior travel consultant என்னை அழைக்கணும்
s - - neg | hotel breakfast-la ants irundhuchu, complaint panninaalum yaarum kandukala. romba mosam
d D4 - neg | நீங்க தப்பான size chain அனுப்பிட்டீங்க. return postage-ஐ நான் கட்டணுமா?
d D5 - neg | crash-la frame crack aayiduchu, bike 1 year old dhaan. warranty-la varadhu-nu solluveengala?
d D6 h neu | வெள்ளிக்கிழமை repair-க்கு கொடுத்தா திங்கள் கிடைக்குமா? mechanic கிட்ட நேரடியா பேசணும்
d D7 - pos | unga rental bikes super! city bike 4 days rent-ku evvalavu aagum?
d D8 - neu | trade-in value-ஐ பணமா தருவீங்களா இல்லை புது bike விலையில குறைப்பீங்களா?
d - - neu | 2 meter height-ku sariyaana frame size stock-la irukka?
d - - neu | e-bike-ஐ ஒரு மாசம் rent எடுத்தா discount உண்டா?
d - h neu | en accountant VAT number-oda invoice kekkuraanga. accounts-la yaaravadhu email pannunga
d - h neg | உங்க shop வெளியே என் bike-ஐ யாரோ தள்ளிவிட்டு derailleur உடைஞ்சுடுச்சு. CCTV பாக்க manager வேணும்
d - - neg | service mudinja udane rim tape nagandhu rendu puncture. waste
"""

TE = r"""
a A3 - neu | Portugal లో ఉన్న నా friend కి Brazil site నుండి gift పంపొచ్చా?
a A4 - neg | investigation open chesi 9 business days ayyindi, inka emi cheppaledu. chiraku vastondi, ippudu em
    + jarugutundi?
a A5 h neu | returns కి 30 days అని ఉంది, Brazil లో 7 days అంటున్నారు. తేడా ఏంటి? ఎవరైనా call చేసి చెప్పండి
a A6 - neu | installments lo konna phone return chesthe refund vere card ki pampochaa?
a A7 - pos | Aurora lo deals super! headphones 1వ తేదీన కొన్నా, ఈరోజు 28. ఇంకా Protege add చేయొచ్చా?
a A8 - neg | boleto bank lo kattadam chala kashtam. generate chesanu kani inka pay cheyyaledu, enni rojulu time?
    + tarvata order em avutundi?
a A9 - neu | HSBC card తో MXN 3,200 purchase కి 12 MSI వస్తుందా?
a A10 - neg | CFDI form lo 'régimen fiscal' ante emi petali? chala complicated ga undi, emi ardham kaavatledu
a A11 - neg | last time 9:10 ki velithe close chesaru. Andares store weekday రాత్రి 9:30 కి వెళ్తే open ఉంటుందా?
a A12 - neu | price match ki monthly limit unda? ee nela already 2 chesanu
a - - neu | Aurora Plus members కి birthday month లో ఏదైనా gift ఉంటుందా?
a - - neu | mee Instagram giveaway real aa? naaku winner ani DM vachindi, card details adugutunnaru
a - - neu | trade-in లో old phone తో పాటు దాని original box కూడా ఇస్తే ఎక్కువ value వస్తుందా?
a - - neu | my orders lo old orders privacy kosam delete cheyyocha?
a - - neu | Hot Sale లో కొన్న items కి Protege మీద ఏదైనా discount ఉంటుందా?
a - h neg | mee bot 'pickup ready' ani cheppindi, store ki velthe order ledu antunnaru. oka manishi tho maatladali
a - h neu | fridge డెలివరీ రోజు ఇంట్లో ఎవరూ ఉండరు. delivery team లో ఎవరైనా నాకు call చేయండి
a - h neu | naa father peru meeda Aurora account undi, aayana ee madhya chanipoyaru. account close cheyyali,
    + evaraina help cheyyandi
a - h neu | sir please oka human agent ni connect cheyyandi, naa Spanish weak, English lo maatladali
a - - neg | కొత్త washing machine spin లో గదంతా నడుస్తోంది. చాలా శబ్దం. చెత్త
s S4 - neu | package flight లో ఒక 23kg suitcase బదులు రెండు 15kg suitcases తీసుకెళ్లొచ్చా?
s S5 - neu | Mexico trip: passport 6 months validity departure date nundi aa leka entry date nundi aa?
s S6 - neu | Colombia నుండి book చేస్తే cuotas ఎన్ని వస్తాయి?
s S7 - pos | last trip Solmar tho adbhutam! ee sari Paris 6 days, iddaram. Seguro Solmar Total total entha avutundi?
s S8 - neu | rabies vaccine 3 వారాల క్రితం వేయించాం, రేపు flight. సరిపోతుందా?
s S9 h neu | airline locator, Solmar locator okate aa? check-in lo confuse avutunna. evaraina phone lo help cheyyandi
s S10 - neg | Monday nundi reply kosam wait chestunna. email కి 48 గంటలు అంటే weekend కూడా కలిపేనా?
s S11 - neu | 1,800 € trip ki Club Solmar points enni vastayi, vaati value entha?
s S12 - neu | booking చేసేటప్పుడు company invoice అడగడం మర్చిపోయా, 10 రోజులు అయింది. ఇప్పుడు అడగొచ్చా?
s - - neu | Dubai package lo Burj Khalifa top floor tickets include aa?
s - - neu | flight లో పక్కన seat ఖాళీగా ఉండటానికి extra seat కొనే option ఉందా?
s - - neu | Paris package lo Eiffel tower dinner reservation kuda add chestara?
s - - neu | Thailand package లో spa లేదా Thai massage voucher ఏదైనా ఉంటుందా?
s - - neu | group booking lo okkokkaru separate ga installments kattocha?
s - h neu | Cusco లో మా అమ్మకి altitude sickness వచ్చింది, tour ఆపాలి. Solmar నుంచి ఎవరైనా వెంటనే మాట్లాడండి
s - h neg | mee bot 'Solmar ki Mexico lo office ledu' antondi, naa daggara Mexico office receipt undi. manishi tho
    + maatladali
s - h neg | నేను అడగకుండానే నా refund ని Solmar bono గా మార్చారు. దీనికి బాధ్యులు ఎవరో వారితో మాట్లాడాలి
s - - neg | room key card roju pani cheyyaledu, prathi sari reception ki vellali. worst stay
d D9 - neu | 600 € bike ని debit card తో 12 నెలల EMI లో కొనొచ్చా?
d D10 - neg | last time WhatsApp lo reply chala late ga vachindi. mee shop phone number enti? urgent workshop
    + question undi
d D1 h neu | శనివారం 3:45pm కి shop open ఉంటుందా? వచ్చేముందు ఎవరైనా నాకు ఒక call చేయండి
d D2 - neu | tram line 2 lo vasthunna, e stop lo digali?
d D3 - pos | mee bikes chala bagunnayi! బుధవారం మధ్యాహ్నం 3 గంటలకి bike order చేస్తే అదే రోజు dispatch అవుతుందా?
d - - neu | Black Friday sale untunda mee shop lo?
d - - neu | మీ దగ్గర indoor smart trainers అమ్ముతారా?
d - h neu | mee shop lo part-time mechanic job kosam owner tho maatladali, evaraina naaku call cheyyandi
d - h neg | workshop లో నా bike కి ఎవరో వేరే saddle మార్చేశారు, నా పాత saddle కావాలి. manager తో మాట్లాడాలి
d - - neg | e-bike charger port loose ga undi, konna rendu vaaralake. chala disappointing
"""

FR = r"""
a A13 - neu | Bonjour, commande passée sur aurora.com.br il y a 20 minutes, le statut est encore Processing. je
    + peux annuler sans frais ?
a A14 h neg | reçu hier soir un chargeur 20 W au lieu du 65 W commandé pour mon portable, franchement pénible. je
    + fais quoi ? j'aimerais qu'un conseiller me rappelle
a A15 - neu | ma montre connectée est encore liée à mon compte Google, je dois la déconnecter avant de la donner en
    + trade-in ?
s S14 - neu | mon père est en fauteuil roulant, j'ai demandé l'assistance aéroport 36h avant le vol. c'est trop tard ?
s - - neu | est-ce que Solmar propose des croisières fluviales sur le Danube ?
s - h neg | on est bloqués à l'aéroport de Lima, vol pour Cusco annulé et personne ne nous répond ici. il me faut
    + quelqu'un de chez vous maintenant
d D6 - pos | super boutique, mon vélo roule nickel ! combien coûte une révision complète chez vous ?
"""

IT = r"""
a A16 - neu | vivo a Città del Messico: fino a che ora ci sono operatori in chat il sabato?
a A6 - neu | ho pagato con PayPal e il reso è arrivato in magazzino ieri. quando vedo i soldi?
a - - neu | se compro 3 monitor insieme per l'ufficio c'è uno sconto?
s S13 - pos | che bello, la nostra squadra di calcetto va a Valencia per un torneo, siamo in 10 precisi! avete
    + tariffe di gruppo?
s S3 - neu | se annullo un pacchetto da 1.400 € a 40 giorni dalla partenza, quanto perdo?
s S10 h neu | posso parlare con un operatore in inglese? il telefono in Spagna risponde anche il sabato?
d D9 - neg | l'altro negozio mi ha chiesto interessi assurdi. da voi una bici da 520 € si può pagare in 6 rate?
"""

DE = r"""
a A3 - neu | Ich wohne in Mexiko-Stadt. Kann ich auf aurora.com.mx bestellen und an meine Schwester in Hamburg
    + liefern lassen?
a A11 - neu | Kann ich meine Bestellung in Polanco am Sonntag um 19:30 abholen?
a - h neg | Zum dritten Mal: die Rechnung für meine Firma stimmt nicht. Ich möchte einen Rückruf von jemandem aus
    + der Buchhaltung.
s S7 - neu | Wir fahren zu dritt 9 Tage nach Marokko. Was kostet der Seguro Solmar Total für uns alle?
s S2 - neu | Wir möchten unser Hotel auf Mallorca um eine Woche verschieben, Anreise ist in drei Wochen. Was kostet das?
s - - neu | Kann ich die Reiseunterlagen auch per Post bekommen statt per E-Mail?
d D3 - neu | Liefert euer Transporter innerhalb von 10 km auch am Samstag?
"""

BLOCKS = {"en": EN, "es": ES, "pt": PT, "hi": HI, "ta": TA, "te": TE, "fr": FR, "it": IT, "de": DE}

ROW = re.compile(r"([a-z]) (\S+) +([h-]) (\w+) \| (\S.*)")


def parse(errors):
    """Rows (lang, tenant letter, code, wants_human, sentiment code, text) from the blocks, in table order."""
    rows = []
    for lang, block in BLOCKS.items():
        for line in block.strip("\n").splitlines():
            if line.startswith(" ") and line.lstrip().startswith("+ "):
                if not rows or rows[-1][0] != lang:
                    errors.append(f"{lang}: continuation line without a row: {line!r}")
                    continue
                last = rows[-1]
                rows[-1] = (*last[:5], last[5] + " " + line.lstrip()[2:])
                continue
            m = ROW.fullmatch(line)
            if not m:
                errors.append(f"{lang}: cannot parse row: {line!r}")
                continue
            t, code, wh, sent, text = m.groups()
            rows.append((lang, t, code, wh == "h", sent, text))
    return rows


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
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.findall(r"\w+", plain)


def fivegrams(text):
    w = words(text)
    return {tuple(w[i : i + 5]) for i in range(len(w) - 4)}


def in_range(ch, lo_hi):
    return lo_hi[0] <= ord(ch) <= lo_hi[1]


def check(rows, faq_texts, faq_headings, errors):
    # heading table equals the headings parsed from the FAQ files
    for t, letter in (("aurora", "A"), ("solmar", "S"), ("demo", "D")):
        table = [h for code, h in HEADINGS.items() if code[0] == letter]
        if table != faq_headings[t]:
            errors.append(f"{t}: heading table {table} != FAQ headings {faq_headings[t]}")

    faq_grams = set()
    for text in faq_texts.values():
        faq_grams |= fivegrams(text)

    seen = Counter(r[5] for r in rows)
    for text, n in seen.items():
        if n > 1:
            errors.append(f"text occurs {n} times: {text!r}")

    for lang, t, code, _wh, sent, text in rows:
        where = f"{lang} {t} {code}: {text[:50]!r}"
        if t not in TENANTS:
            errors.append(f"{where}: unknown tenant {t!r}")
        if sent not in SENTIMENTS:
            errors.append(f"{where}: unknown sentiment {sent!r}")
        if code != "-" and (code not in HEADINGS or code[0].lower() != t):
            errors.append(f"{where}: section code {code!r} does not belong to tenant {t!r}")
        if not 20 <= len(text) <= 170:
            errors.append(f"{where}: text has {len(text)} characters (20-170)")
        if text != text.strip():
            errors.append(f"{where}: leading or trailing space")
        shared = fivegrams(text) & faq_grams
        if shared:
            errors.append(f"{where}: five words in common with an FAQ: {sorted(' '.join(g) for g in shared)}")
        indic = any(in_range(ch, INDIC) for ch in text)
        if lang in OWN_SCRIPT:
            own = any(in_range(ch, OWN_SCRIPT[lang]) for ch in text)
            other = any(in_range(ch, INDIC) and not in_range(ch, OWN_SCRIPT[lang]) for ch in text)
            if other:
                errors.append(f"{where}: Indic letters outside the {lang} script")
            if indic and not own:
                errors.append(f"{where}: Indic letters but none of the {lang} script")
        elif indic:
            errors.append(f"{where}: Indic letters in a {lang} row")

    # script half and half per tenant in hi, ta, te
    for lang, rng in OWN_SCRIPT.items():
        for t in TENANTS:
            sub = [r for r in rows if r[0] == lang and r[1] == t]
            native = sum(any(in_range(ch, rng) for ch in r[5]) for r in sub)
            if 2 * native != len(sub):
                errors.append(f"{lang} {t}: {native} of {len(sub)} rows in the {lang} script (want half)")

    # designed counts per language and tenant, sentiment counts per language
    for lang in LANGS:
        for t_letter, tenant in TENANTS.items():
            sub = [r for r in rows if r[0] == lang and r[1] == t_letter]
            got = (
                sum(r[2] != "-" and not r[3] for r in sub),
                sum(r[2] != "-" and r[3] for r in sub),
                sum(r[2] == "-" and not r[3] for r in sub),
                sum(r[2] == "-" and r[3] for r in sub),
            )
            if got != DESIGN[lang][tenant]:
                errors.append(f"{lang} {tenant}: rows (ans, ans+wh, unans, unans+wh) {got} != {DESIGN[lang][tenant]}")
        sents = Counter(r[4] for r in rows if r[0] == lang)
        if (sents["pos"], sents["neg"]) != SENTIMENT_DESIGN[lang]:
            errors.append(f"{lang}: (positive, negative) {(sents['pos'], sents['neg'])} != {SENTIMENT_DESIGN[lang]}")
    if set(BLOCKS) != set(LANGS):
        errors.append(f"blocks {sorted(BLOCKS)} != languages {sorted(LANGS)}")

    # every FAQ section labels 3-5 answerable rows
    per_code = Counter(r[2] for r in rows if r[2] != "-")
    for code in HEADINGS:
        if not 3 <= per_code[code] <= 5:
            errors.append(f"section {code} ({HEADINGS[code]}) labels {per_code[code]} rows (want 3-5)")


def main():
    errors = []
    paths = {
        "aurora": EVAL_DIR / "aurora-faq.txt",
        "solmar": EVAL_DIR / "solmar-faq.txt",
        "demo": DEMO_FAQ,
    }
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        print("FAQ file(s) missing: " + ", ".join(missing) + "; nothing written", file=sys.stderr)
        sys.exit(1)
    faq_texts = {t: p.read_text(encoding="utf-8") for t, p in paths.items()}
    faq_headings = {
        "aurora": headings_txt(paths["aurora"]),
        "solmar": headings_txt(paths["solmar"]),
        "demo": headings_md(paths["demo"]),
    }
    rows = parse(errors)
    check(rows, faq_texts, faq_headings, errors)
    if errors:
        print(f"build.py: {len(errors)} problem(s); nothing written", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)

    numbers = Counter()
    lines = []
    for lang, t, code, wh, sent, text in rows:
        tenant = TENANTS[t]
        numbers[tenant] += 1
        msg = {
            "id": f"{PREFIX}-{tenant}-{numbers[tenant]:03d}",
            "tenant": tenant,
            "text": text,
            "language": lang,
            "answerable": code != "-",
            "section": HEADINGS[code] if code != "-" else None,
            "wants_human": wh,
            "sentiment": SENTIMENTS[sent],
        }
        lines.append(json.dumps(msg, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} messages to {OUT}")


if __name__ == "__main__":
    main()
