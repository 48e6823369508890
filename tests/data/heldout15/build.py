#!/usr/bin/env python3
"""Build heldout15/messages.jsonl from the hand-written table below.

One block per language (a raw string). A row is one line:

    <tenant> <section> <wants_human> <sentiment> | <text>

tenant `a` (aurora), `s` (solmar) or `d` (demo); section a code such as `A7`, `S3`, `D5`, or `-` when the FAQ does
not answer the message; wants_human `h` or `-`; sentiment `pos`, `neu` or `neg`. A line starting with spaces and
`+ ` continues the text of the row above (joined with one space). The language is the block's.

Before writing anything the script checks the table against the three FAQ files (EVAL_DIR, DEMO_FAQ) and against
the design below; on any failure it prints the problems on stderr, writes nothing and exits with status 1.

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
PREFIX = "h15"

TENANTS = {"a": "aurora", "s": "solmar", "d": "demo"}
SENTIMENTS = {"pos": "positive", "neu": "neutral", "neg": "negative"}

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
    "fr": {"aurora": (2, 0, 0, 1), "solmar": (1, 1, 1, 0), "demo": (1, 0, 0, 0)},
    "it": {"aurora": (2, 1, 0, 0), "solmar": (2, 0, 1, 0), "demo": (1, 0, 0, 0)},
    "de": {"aurora": (2, 0, 1, 0), "solmar": (2, 0, 0, 1), "demo": (1, 0, 0, 0)},
}
# Designed (positive, negative) rows per language; the rest are neutral.
SENTIMENT_DESIGN = {
    "en": (3, 15),
    "es": (3, 15),
    "pt": (3, 15),
    "hi": (3, 15),
    "ta": (3, 15),
    "te": (3, 15),
    "fr": (1, 2),
    "it": (1, 1),
    "de": (0, 1),
}
NATIVE = {"hi": ("\u0900", "\u097f"), "ta": ("\u0b80", "\u0bff"), "te": ("\u0c00", "\u0c7f")}
MIN_LEN, MAX_LEN = 20, 170

EN = r"""
a A5 - neu | my husband gave me an e-reader but i already own one 🙃 it came 3 weeks ago and is still sealed.
  + can it go back even though nothing is wrong with it?
a A6 - neu | returning a game controller i paid for with my debit card. which gets the money to me faster, the
  + refund to the card or taking aurora credit?
a A7 - pos | the monitor i got from you is gorgeous btw 😍 quick one: the brand already gives 1 year of
  + warranty, is yours on top of that or the same year?
a A8 - neu | i'm in curitiba, chose boleto for a tablet on thursday night but can only get to the bank next
  + wednesday. will the order still be alive by then?
a A9 - neu | phone costs R$ 1,100 on the brazilian site. whats the max number of interest-free parcelas i can
  + get on my credit card?
a A10 - neu | my accountant only works with the xml. does the cfdi email include the xml file or is it just a
  + pdf?
a A11 - neu | i'm having surgery that week so my neighbour will collect my order at barra da tijuca. what does
  + she need to bring with her?
a A12 - neg | ugh. found the same blender cheaper at magazine luiza but their page says out of stock. let me
  + guess, no price match?
a A13 - neg | your app made me place the same order twice and charged me both times 🙄 both still say
  + processing, can i just cancel one of them?
a A14 h neu | the laptop that came yesterday has a portuguese keyboard, i ordered spanish. how fast do you
  + send the right one? also can an agent phone me, i'm driving all day
a - - neu | our office is replacing 25 old laptops. is there a corporate trade-in with one bulk quote for all
  + of them?
a - - neu | is there a pickup locker at polanco so i can grab my order after the store closes at night?
a - - neu | bought a laptop at liverpool last week. can i add aurora protege to it even though i didn't buy it
  + from you?
a - - neu | how do i become a seller on aurora.com.mx? i make phone cases and would love to list them
a - - neg | tired of every parcel showing up banged up. do you at least offer paid shipping insurance for the
  + expensive stuff?
a - h neu | the charger you sent sparked when i plugged it in. i'd like someone from your product safety team
  + to call me today
a - h neg | hello?? is anybody actually reading this? 25 minutes of menus and buttons, i just want a human
a - h neg | my bank statement shows your charge in us dollars, not pesos, and i paid a conversion fee. not ok.
  + can someone in billing look into it and get back to me?
a - h neg | third time explaining: the tv came with the stand of a different model. please put me through to
  + someone who actually reads
a - - neg | these noise cancelling headphones let the whole bus in. for that price it's honestly embarrassing.
s S6 - neu | we live in monterrey and want to pay a solmar cruise over 12 months without interest on our
  + credit card. is that possible from mexico?
s S7 - neu | is the 79 € for seguro solmar total per person or per booking? it's me and my partner, 10 days in
  + new york
s S8 h neu | we're adopting a street dog here in spain, he has his shots but no microchip yet. can he fly with
  + us to lisbon in june? could an agent call me, i'm nervous about this
s S9 - neu | flight on friday at 10:20 and i'm hiking with no signal until thursday 8am. will online check-in
  + already be open when i'm back?
s S10 - neu | not asking for an agent, just save me time: which number works at 3am if something goes wrong
  + with our hotel in marrakech mid-trip?
s S11 - pos | love that club solmar is free!! how many points do i need for 10 € off?
s S12 - neg | paid the last chunk of our package yesterday and no invoice yet, as usual. does it come now or
  + was it sent with the deposit?
s S13 - neu | our running club is 31 people going to the berlin marathon. what % deposit do you need and when
  + is the rest due?
s S14 - pos | you were so kind on the phone last time! my brother is a veteran with a ptsd assistance dog. can
  + it fly in the cabin with him, and do we pay for it?
s - - neu | do you offer co2 compensation for the flights in your packages?
s - - neu | if i pay the tarifa flexible solmar supplement, does it also let me cancel for free?
s - - neu | can you get us tickets for la tomatina in buñol as part of a valencia package?
s - - neu | my daughter is celiac. is there a filter for gluten-free friendly hotels, like the one you have
  + for pets?
s - - neg | after a disgusting hostel last year i'm wary. is there a minimum rating for the hotels you sell?
s - h neu | we're at piraeus port and the ferry staff say our santorini tickets aren't valid. someone from
  + solmar please help us, boarding closes in 40 min
s - h neg | the assistant keeps telling me my booking code has 6 characters. i KNOW. i need someone who can
  + actually open my booking
s - h neu | i left my kindle on your airport transfer bus in tenerife. could whoever handles lost property get
  + in touch with me?
s - - neg | five hours on the coach to granada without a single toilet stop. unacceptable with elderly people
  + in the group.
d D6 - neu | how much would a basic service be for two bikes, mine and my daughter's?
d D7 - neu | my car is in the garage for 10 days, so i need an e-bike for all of them. what's the cheapest way
  + to pay for that rental?
d D8 h neu | my old hybrid was bought elsewhere 5 yrs ago but rides fine. can it count towards a new e-bike
  + from you? would love a mechanic to call me first
d D9 - neg | the commuter bike i want is exactly 500 EUR. can i split it into 3 payments on my credit card, or
  + is that only for pricier bikes? feels stingy
d D10 - neu | i don't use whatsapp. is there any other way to reach you besides that?
d - - neu | any chance you keep brompton spare parts in stock, like the hinge clamp?
d - - neg | your website has no size guide at all, which is annoying. do you have a frame size calculator
  + somewhere?
d - h neu | i think i left my wallet on your counter this morning. could someone check and give me a call?
d - h neg | i asked about a clicking noise in my bottom bracket and got your opening hours. twice. a real
  + person please.
d - - neg | the grips you sold me are sticky and leave black marks on my hands after just a week.
"""

ES = r"""
a A15 - neu | mi tablet vieja todavía tiene la cuenta samsung de mi ex y no me sé la contraseña, ¿así me la
  + reciben en el trade-in?
a A16 - pos | ya soy Aurora Plus 🎉 ¿a qué número les marco en México cuando lo necesite?
a A1 - neg | neta necesito los audífonos para el viernes en Cancún, ¿por qué no me sale la opción express?? 😤
a A2 - neu | ¿me pueden mandar el refri por express? lo necesito antes del sábado pa la fiesta
a A3 - neu | mi hijo vive en San José, Costa Rica, ¿le pueden mandar una laptop desde aurora.com.mx?
a A4 - neu | si la investigación con la paquetería no encuentra mi caja, ¿me mandan otra o me regresan el
  + dinero?
a A5 - neu | ¿puedo regresar unos audífonos de diadema (no son in-ear) que ya abrí y nomás probé un ratito?
a A6 - neg | mi tarjeta corta mañana y ustedes tardaron siglos en procesar mi reembolso. ¿lo voy a ver en este
  + estado de cuenta o hasta el siguiente?
a A7 h neu | mi pantalla de 10 meses se apagó sola y ya no prende, no se cayó ni nada. ¿eso entra en la
  + garantía normal? quiero que alguien de garantías me llame
a A8 - neu | ¿puedo pagar con PayPal desde México o eso nomás es para Brasil?
a - - neu | ¿el Aurora Plus incluye alguna plataforma de streaming?
a - - neu | si pago extra, ¿me guardan mi pedido en la tienda más de 7 días? salgo de viaje dos semanas
a - - neu | ¿venden e instalan cargadores para coche eléctrico en casa?
a - - neu | ¿puedo recoger en Andares sin bajarme del coche, tipo autoservicio?
a - - neg | qué hartera, me llegan como 5 SMS por cada pedido. ¿hay forma de apagar esas notificaciones?
a - h neu | me llegó un correo de "Aurora" pidiendo mi NIP para liberar un reembolso. necesito que alguien de
  + ustedes me confirme si es real, márquenme porfa
a - h neg | quiero hablar con quien lleve las entregas en Monterrey: el repartidor dejó mi lavadora en la
  + banqueta y se fue
a - h neg | el asistente me dijo que mi pedido llegaba hoy, luego que mañana y luego que el lunes. ¿hay
  + alguien que sí sepa?
a - h neu | ¿me puede llamar alguien? mi hijo de 14 compró un celular con mi tarjeta sin permiso y no sé qué
  + hacer
a - - neg | la báscula inteligente marca tres kilos distintos cada vez que me subo. qué chafa.
s S1 - neu | estoy reservando una semana en Tenerife que sale dentro de tres semanas, ¿me dejáis pagar solo
  + una parte ahora?
s S2 - neu | en la reserva han puesto "Jaime" en vez de "Jaume", ¿me cobráis algo por corregirlo?
s S3 - neu | salimos el sábado a las 7:00 y a lo mejor cancelamos el martes por la mañana. ¿qué porcentaje
  + perderíamos del paquete?
s S4 - neg | vaya tela con la tarifa Basic... mi bolso mide 45 x 30 x 15, ¿me lo dejan subir o no?
s S5 - neu | mi DNI caduca la semana antes de irnos a Praga. ¿puedo viajar con él o necesito el pasaporte?
s S6 h neu | para la luna de miel (4.800 €), ¿el Pago Flex a 6 meses tiene intereses? y que me llame alguien
  + para cerrarlo, porfa
s S7 - pos | ¡nos vamos 15 días a Islandia, qué ilusión! ¿el Seguro Solmar Total para Europa es el de 39 €?
s S8 - neu | tenemos un pastor alemán de 35 kg y queremos llevarlo a Tenerife. ¿cuánto nos saldría más o menos
  + ida y vuelta?
s S9 - neu | vuelo a Oporto el jueves a las 18:00 y el miércoles estoy todo el día en una boda, ¿cuántas horas
  + antes se puede hacer el check-in por internet?
s - - neu | ¿el bono Solmar del 110 % se puede dividir para usarlo en dos viajes distintos?
s - - neu | ¿en vuestros cruceros se puede fumar en el balcón del camarote?
s - - neu | ¿podéis incluir un coche de alquiler en un paquete a Fuerteventura?
s - - neg | siempre que busco vuelos a Asturias me salen carísimos en vuestra web. ¿aplicáis el descuento de
  + residente?
s - - neg | el año pasado el seguro de otra agencia me descontó una franquicia enorme. ¿el Seguro Solmar Total
  + tiene franquicia?
s - h neu | hemos perdido el último bus del traslado en Fuerteventura porque el vuelo llegó con retraso.
  + ¿alguien de Solmar nos puede ayudar?
s - h neg | llevo media hora con el asistente y cada vez que escribo "cancelar" me ofrece un cupón. basta, que
  + me atienda alguien.
s - h neu | ¿me puede llamar alguien? mi madre tiene alzhéimer y quiero organizarle un viaje con una
  + acompañante, prefiero explicarlo hablando
s - - neg | la excursión a Petra fue en un autobús sin cinturones y con el conductor al móvil todo el rato.
  + vergonzoso.
d D1 - pos | ¡me encanta vuestra tienda! en diciembre, ¿hasta qué hora abrís entre semana? salgo de currar a
  + las 19:15
d D2 - neu | voy en coche desde el pueblo, ¿hay sitio para aparcar delante de la tienda o busco parking por el
  + centro?
d D3 - neg | pedido de piezas por 149 €, ¿en serio pago envío por un euro? ¿cuánto sería?
d D4 - neu | me mandasteis un portabultos para rueda de 26 y yo pedí el de 28. ¿tengo que pagar yo la
  + devolución?
d D5 h neu | la horquilla de mi bici de 14 meses pierde aceite. ¿la garantía la reclamo con vosotros o con la
  + marca? y que me llame el mecánico antes de ir, gracias
d - - neu | ¿hacéis descuento a familias numerosas si compramos cuatro bicis?
d - - neg | estoy harto de que me roben el sillín. ¿vendéis algún antirrobo específico para sillines?
d - h neu | me habéis cobrado dos veces el alquiler en la tarjeta, ¿alguien del equipo lo puede mirar y me
  + dice algo?
d - h neg | te he dicho tres veces que mi bici es de carretera y sigues hablándome de e-bikes. pásame con
  + alguien de la tienda, por favor
d - - neg | la luz trasera que me vendisteis se llenó de agua con la primera lluvia. para tirarla.
"""

PT = r"""
a A9 - neu | tv de R$ 2.300 em 10x no cartão de crédito da minha mãe: fica quanto cada parcela e tem juros?
a A10 - neu | usei a conta do meu marido pra comprar e a nota fiscal saiu com o CPF dele. dá pra trocar pro
  + meu CPF agora?
a A11 - neu | o fone que eu quero tá em estoque em Pinheiros. se eu comprar agora, às 15h, consigo retirar
  + hoje quando sair do trampo às 18h?
a A12 - neu | pra pedir cobertura de preço vcs precisam do link da oferta ou um print da tela já serve?
a A13 - neg | a pré-venda do fone atrasou 2 meses, que decepção. ainda posso cancelar antes de lançar?
a A14 - neu | a geladeira chegou com a porta amassada e eu só vi umas 3 horas depois que o entregador foi
  + embora. ainda dá pra reclamar? quem vem buscar?
a A15 - neu | troquei um tablet no trade-in e o crédito já caiu, mas só vou comprar em março do ano que vem.
  + ele ainda vai valer?
a A16 - neu | não precisa me passar pra ninguém, só me diz o e-mail de vocês no Brasil pra eu mandar umas
  + fotos
a A1 - pos | amo comprar com vcs!! a data de entrega que aparece no checkout é garantida? é presente pro
  + aniversário do meu pai no sábado
a A2 h neu | pedido de R$ 310 com entrega expressa, quanto sai o frete? e alguém pode me ligar pra confirmar o
  + endereço novo?
a - - neu | vocês têm algum programa pra doar eletrônicos usados pra ONG?
a - - neu | o notebook já vem com o Windows ativado ou tenho que comprar a licença?
a - - neu | sou MEI, tenho desconto comprando com CNPJ?
a - - neg | já perdi duas ofertas relâmpago porque o app travou. vocês têm lista de espera pras ofertas?
a - - neu | vocês têm plano de assinatura de celular, tipo pagar por mês e trocar de aparelho todo ano?
a - h neg | tem alguém aí?? tô esperando resposta sobre meu reembolso há uma semana
a - h neu | alguém pode me ligar? o Pix foi debitado duas vezes da minha conta pro mesmo pedido
a - h neg | quero falar com o técnico que fez a inspeção do meu notebook no trade-in: disseram que a tela tava
  + riscada e não tava
a - h neg | você já me respondeu sobre frete três vezes e eu perguntei de garantia. chama alguém aí, por favor
a - - neg | a caixa de som bluetooth desconecta sozinha toda hora. comprei pra festa e passei vergonha.
s S10 - neg | sério que os escritórios de vocês não abrem domingo? tô em Madri só até domingo, é o único dia
  + que eu teria
s S11 - neu | ganhei pontos do Club Solmar numa viagem em março de 2024. ainda posso usar agora em dezembro de
  + 2026?
s S12 - pos | a moça do escritório de Valparaíso foi um amor! paguei tudo hoje: a fatura me dão na hora ou
  + chega por e-mail?
s S13 h neu | somos 14 da paróquia indo a Fátima: tem tarifa especial de grupo? e queria que alguém me ligasse
  + pra montar o roteiro
s S14 - neu | minha avó precisa de assistência no aeroporto e a gente esqueceu de pedir na reserva. viajamos
  + daqui a 3 dias, ainda dá?
s S1 - neu | meu sobrinho só faz 18 anos em maio. ele pode ser o titular da reserva que a gente vai fazer
  + agora em dezembro?
s S2 - neg | faltam 2 meses e a data nova que a gente quer é 150 € mais cara. vou pagar os 30 € de gestão mais
  + a diferença? que absurdo
s S3 - neu | minha mãe quebrou o pé e vamos cancelar o pacote de 2.200 €. faltam 46 dias pra viagem, quanto
  + perdemos?
s S4 - neu | minha mala despachada deu 23 kg cravados na balança de casa e a de mão 10 kg. tô dentro do que o
  + pacote inclui?
s - - neu | vocês têm pacote pra Fernando de Noronha?
s - - neu | se eu pagar com cartão brasileiro, vocês cobram em reais e sem IOF?
s - - neu | o navio do cruzeiro pelo Mediterrâneo tem academia?
s - - neu | vocês montam roteiro de vinícolas em Mendoza com degustação?
s - - neg | da última vez o quarto em Madri era minúsculo. vocês informam os metros quadrados dos quartos
  + antes?
s - h neu | meu marido teve uma reação alérgica no hotel em Sevilha e o médico não fala português. preciso de
  + alguém da Solmar agora
s - h neg | é a terceira vez que o assistente me manda o link do check-in. eu quero saber do reembolso! cadê
  + uma pessoa?
s - h neu | vocês podem me ligar? sou cadeirante e quero planejar uma viagem por Portugal com calma
s - - neg | o quarto em Santorini não tinha cortina e o sol entrava às 5 da manhã. ninguém dormiu a semana
  + inteira.
d D8 - neu | minha dobrável velha ainda funciona direitinho. se eu levar ela quando for comprar a e-bike,
  + vocês abatem do preço?
d D9 - pos | ganhei um vale-presente de vocês em janeiro de 2025, adorei! ainda dá pra usar agora em dezembro
  + de 2026?
d D10 - neg | qual o whatsapp de vocês? esse chat aqui não me ajudou em nada
d D1 h neu | sexta às 18:30 ainda dá pra passar e comprar uma câmara? e queria que alguém da loja me ligasse
  + pra reservar um pneu
d D2 - neu | moro perto da linha 5 do bonde, ela passa perto de vocês?
d - - neu | vocês vendem peças pra patinete elétrico?
d - - neg | a última loja me cobrou 40 € pra montar uma bike comprada na internet. vocês montam e quanto
  + cobram?
d - h neu | alguém da loja pode me mandar mensagem? deixei a bike pra revisão e preciso dela antes de viajar
  + sábado
d - h neg | que chato, pergunto uma coisa e você responde outra. quero falar com alguém da oficina
d - - neg | o suporte de celular que comprei aí quebrou no primeiro buraco e o celular foi pro chão.
"""

HI = r"""
a A3 - neu | मेरी बहन दुबई में रहती है, क्या aurora.com.mx से उसके लिए हेडफ़ोन भेज सकते हैं?
a A4 - neu | Brazil mein kaun si courier deliver karti hai? hamari society mein Correios wala andar nahi aa
  + sakta
a A5 - neu | मुझे एक स्मार्टवॉच लौटानी है पर उसका चार्जर मुझसे खो गया। बाकी सब डिब्बे में है, क्या रिटर्न हो
  + जाएगा?
a A6 - neu | Pix se payment kiya tha, return wala speaker Monday ko warehouse pahunch gaya. paise lagbhag kab
  + tak aayenge?
a A7 - neu | MXN 15,000 के फ़्रिज पर 24 महीने वाला Protege कितने का पड़ेगा?
a A8 - neu | Brazil wali site pe American Express credit card chalega kya? card Brazil ka hi hai
a A9 - neu | HSBC कार्ड से MXN 2,000 का माइक्रोवेव 6 MSI में ले सकते हैं?
a A10 - neg | CFDI Friday raat ko request kiya, Monday subah CA ke saath meeting hai. tab tak aa jayega?
  + pichli baar bahut late aaya tha
a A11 h neu | मेरा ऑर्डर Polanco में तैयार है, कितने दिन तक रखोगे? और कोई मुझे कॉल कर सकता है, मेरी स्पैनिश
  + कमज़ोर है
a A12 - pos | aapki service mast hai! Amazon Brasil pe wahi phone R$ 200 sasta hai, Amazon khud bech raha hai
  + aur stock mein hai. kharidne se pehle match karoge?
a - - neu | क्या Aurora Plus लेने से MSI में ज़्यादा महीने मिलते हैं?
a - - neu | kya aap log Diwali pe koi special sale karte ho?
a - - neu | क्या लैपटॉप के साथ हिंदी कीबोर्ड वाले स्टिकर मिलते हैं?
a - - neu | company ke events ke liye logo wale custom boxes mein packing karte ho? 40 speakers lene hain
a - - neg | हर बार लॉगिन का OTP आता ही नहीं, बहुत परेशान हो गई हूँ। क्या पासवर्ड से लॉगिन करने का ऑप्शन है?
a - h neg | koi real banda hai kya wahan? bot se baat karke thak gaya hoon
a - h neu | गलती से 10 की जगह 100 USB केबल ऑर्डर हो गए। कोई इंसान जल्दी से मदद करे प्लीज़
a - h neg | fridge ki teen baar complaint kar chuka hoon. jo bhi senior manager hai unse baat karwao
a - h neg | आपने कहा मेरा रिफ़ंड हो गया, बैंक कहता है कुछ नहीं आया। बॉट नहीं, किसी इंसान से बात करनी है
a - - neg | electric kettle ka dhakkan band hi nahi hota, ubalta paani bahar girta hai. bekaar product
s S5 - neu | मेरे स्पेनिश पति को भारत जाना है, क्या आप e-visa बना देते हो और कितने का पड़ेगा?
s S6 - neu | Mexico City wale Solmar office mein 950 € ke barabar pesos cash mein de sakte hain?
s S7 - neu | बुकिंग परसों की थी, आज Seguro Total लूँ तो क्या cancellation cover मिलेगा?
s S8 - neu | hamara Shih Tzu 6 kg ka hai, carrier 1.5 kg. cabin mein jaa sakta hai? kitna lagega?
s S9 - neu | रविवार दोपहर 2 बजे की फ़्लाइट है, ऑनलाइन चेक-इन सबसे पहले कब कर सकती हूँ?
s S10 - neu | Mexico wala phone number kya hai? Delhi se call karunga apne bhai ki booking ke liye
s S11 - pos | आपके ऑफ़र्स बढ़िया होते हैं! दिसंबर में बुक करूँ और अप्रैल में जाऊँ तो Venta Anticipada मिलेगा?
s S12 - neg | invoice mein mera naam 'Pirya' likh diya, Priya hai. 2 hafte purani hai, theek ho sakta hai?
  + itni simple cheez bhi galat
s S13 h neu | हमारी कंपनी के 60 लोग पैसे देकर जा रहे हैं, कितनी फ़्री सीटें मिलेंगी? कोई groups वाला मुझे कॉल
  + कर दे
s - - neu | hotel mein Jain khana mil sakta hai kya? pyaaz lehsun ke bina
s - - neu | क्या क्रूज़ पर योगा क्लास होती है?
s - - neg | pichli trip pe hotel walon ne babysitter ke liye mana kar diya tha, bahut bura laga. Madrid mein
  + mil sakti hai?
s - - neg | पिछली बार टूर गाइड सिर्फ़ स्पेनिश बोलता रहा, कुछ समझ नहीं आया। क्या इस बार अंग्रेज़ी गाइड की
  + गारंटी है?
s - - neu | kya Solmar app se hotel mein room service order kar sakte hain?
s - h neu | ग्रेनाडा में मम्मी की तबीयत बिगड़ गई, अस्पताल में हैं। कल की सेविया वाली बस छूट जाएगी, कोई Solmar
  + से बात करवा दो
s - h neu | koi aisa agent hai jo meri 80 saal ki nani ko phone pe sab samjha de? woh akele Madrid jaa rahi
  + hain
s - h neg | आपका बॉट हर सवाल पर 'समझ गया' बोलता है और करता कुछ नहीं। कोई असली इंसान है?
s - - neg | flamenco show ki tickets mein sabse peeche wali seats thi, kuch dikha hi nahi. paise barbaad
d D3 - pos | आपकी दुकान बहुत प्यारी है! मेरा ऑर्डर 152 EUR का है, क्या डिलीवरी फ़्री होगी?
d D4 - neu | naya helmet cash mein kharida tha, pehna nahi. return karun to paise cash mein hi wapas milenge?
d D5 - neu | मेरी बाइक का पिछला डिरेलियर 20 महीने में बिना गिरे टूट गया, क्या वारंटी में आएगा?
d D6 h neu | full service kitne ka hai? aur koi mechanic call karke bata de ki meri purani bike ko full
  + chahiye ya basic kaafi hai
d D7 - neg | दो ई-बाइक तीन दिन के लिए चाहिए, कुल कितना? पिछली दुकान ने बहुत ज़्यादा पैसे ले लिए थे
d - - neu | winter ke liye spike wale tyres milte hain kya aapke paas?
d - - neg | इतनी महंगी बाइक और साथ में एक बोतल तक नहीं? क्या नई बाइक के साथ कोई एक्सेसरी फ़्री मिलती है?
d - h neu | मेरी ई-बाइक का डिस्प्ले अचानक किसी और भाषा में हो गया, कोई मैकेनिक फ़ोन पर बता दे प्लीज़
d - h neg | bot bhai, teen baar bola ki repair ka status chahiye. ab dukaan mein kisi se baat karao
d - - neg | aapne jo basket lagayi thi woh pehle hi din dheeli hokar aage ke pahiye mein phas gayi. bahut
  + khatarnak
"""

TA = r"""
a A13 - neu | ஆர்டர் பண்ணி 50 நிமிஷம் ஆச்சு, இன்னும் Processing-லதான் இருக்கு. இப்போ cancel பண்ணா ஏதாவது
  + charge உண்டா?
a A14 - neg | vacuum cleaner order panna box-la oru toaster vandhirukku! enna kodumai idhu. unga kitta stock
  + illana enna pannuveenga?
a A15 - neu | என் பழைய லேப்டாப் பேட்டரி கொஞ்சம் உப்பி இருக்கு, ஆனா ஆன் ஆகுது. trade-in-க்கு எடுப்பீங்களா?
a A16 - neu | Sunday kaalai 8:30-ku chat pannina agent irupaangala illa bot mattum thaana?
a A1 - neu | நான் Puebla-ல இருக்கேன், standard delivery-க்கு எத்தனை நாள் ஆகும்?
a A2 - neu | oru 32 kg treadmill order panren, R$ 1,500. shipping evlo aagum?
a A3 - neu | சென்னையில் இருக்கும் அம்மாவுக்கு aurora.com.br-லிருந்து ஒரு போன் அனுப்ப முடியுமா?
a A4 - neg | Estafeta tracking 5 working days-a 'en tránsito' nu appadiye irukku. romba kaduppa irukku, ippo
  + naan enna pannanum?
a A5 - pos | உங்க delivery சூப்பர் வேகம்! ஆனா வந்த லேப்டாப் பை பிடிக்கல, 20 நாள் ஆச்சு, box-ஓட அப்படியே
  + இருக்கு. return பண்ணலாமா?
a A6 h neu | OXXO-la cash-a pay panninen, return pannaa refund eppadi varum? yaaraavadhu enakku call panni
  + sollunga
a - - neu | லேப்டாப் வாங்கினா இலவசமா antivirus போட்டு தருவீங்களா?
a - - neu | Coyoacán store-la kuzhandhaigal vilaiyaada play area irukka?
a - - neu | கெட்டுப்போன ஹார்ட் டிஸ்க்கிலிருந்து data recovery பண்ணி தருவீங்களா?
a - - neg | last time courier box-a tharaila eranjaan. heavy items-ku extra kaasu kuduthu 'fragile handling'
  + kekka mudiyuma?
a - - neu | Aurora-வுக்குன்னு சொந்த brand products ஏதாவது இருக்கா?
a - h neu | oru human agent kitta pesanum, bot venaam please
a - h neu | யாராவது என்னை கூப்பிடுங்க — என் அம்மா account-ல தெரியாத யாரோ login பண்ணியிருக்காங்க
a - h neg | semma kaduppu! naan 'refund' nu type panna nee 'trade-in' pathi pesura. oru manushan venum
a - h neg | என் return-ஐ 'use beyond testing'-னு reject பண்ணிட்டாங்க, நான் ஒரு தடவை கூட use பண்ணல. check
  + பண்ணவங்க கிட்ட பேசணும்
a - - neg | vaangina water purifier thanni plastic vaasanai adikkudhu. romba mosam.
s S14 - neu | அப்பா Chennai-லிருந்து Madrid வராரு, Solmar package. விமான நிலையத்துல wheelchair உதவிக்கு காசு
  + உண்டா, எப்போ சொல்லணும்?
s S1 - neu | 2,800 € package, 4 maasam kazhichu travel. ippo evlo kattanum?
s S2 - neu | நாங்க hotel மட்டும் book பண்ணினோம், Tarifa Flexible இல்ல. 25 நாள் முன்னாடி தேதி மாத்தலாமா, charge
  + எவ்வளவு?
s S3 - neg | 2 vaaram thaan irukku, 2,100 € package cancel pannanum. evlo pidippeenga? unga cancellation
  + charges romba adhigam
s S4 - neu | என் மகனின் சைக்கிள், என் golf bag — ரெண்டும் போய் வர, மொத்தம் எவ்வளவு? எத்தனை நாள் முன்னாடி
  + சொல்லணும்?
s S5 - neu | Japan trip, entry date-la irundhu passport-ku 7 maasam validity irukku. podhuma?
s S6 - neu | Bizum-ல சரியா 1,000 € அனுப்பலாமா?
s S7 h neu | 2 periyavanga 2 pasanga, Paris 5 naal. Seguro Total mothama evlo? yaaraavadhu call panni explain
  + pannunga
s S8 - pos | எங்க French bulldog செல்லம் carrier-ஓட சேர்த்து 7 kg! cabin-ல கூட்டிட்டு போகலாமா?
s - - neu | Chennai-Madrid direct flight unga kitta irukka?
s - - neu | Schengen visa apply பண்ண hotel booking letter தருவீங்களா?
s - - neu | Club Solmar points-a Amazon voucher-a maatha mudiyuma?
s - - neg | போன முறை transfer bus ஒரு மணி நேரம் லேட். இந்த தடவை private transfer தனியா book பண்ண முடியுமா?
s - - neu | bono Solmar-a vechu flight mattum book panna mudiyuma?
s - h neg | Rome hotel reception எங்க passport-ஐ வச்சுக்கிட்டு தர மாட்டேங்குறாங்க, flight இன்னும் 4 மணி
  + நேரத்துல. Solmar-ல யாராவது உதவுங்க
s - h neg | moonu thadava ketten en refund status enna nu. bot 'please wait' nu mattum solludhu. yaaravadhu
  + manushan irukkeengala?
s - h neu | யாராவது என்னை call பண்ணுங்க — ரெண்டு reservation-லயும் ஒரே passenger பேரு தப்பா double ஆயிருக்கு
s - - neg | Venice gondola tour nu sonneenga, aana ellaraiyum oru motor boat-la adaichu vechaanga. semma
  + yemaatram
d D9 - pos | உங்க கடை சைக்கிள்கள் அருமை! 850 EUR சைக்கிள், credit card-ல 3 மாத தவணையில் வட்டி இல்லாம கட்டலாமா?
d D10 - neu | naan pesa vendaam, photo anuppa unga email id mattum sollunga
d D1 - neg | டிசம்பர்ல சனிக்கிழமையும் 8 மணி வரை திறந்திருப்பீங்களா? போன வாரம் 4:15-க்கு வந்தா மூடியிருந்தீங்க
d D2 h neu | 42 Harbour Lane thaane? naan car-la varen, park panna idam irukka? yaaraavadhu call panni vazhi
  + sollunga
d D3 - neu | நாங்க கடையிலிருந்து 40 km தூரத்துல இருக்கோம். 140 EUR குழந்தை சைக்கிள் வீட்டுக்கு அனுப்ப எவ்வளவு?
d - - neu | neenga pazhaya cycle-a repair panni yaarukkaavadhu donate panra scheme ethavadhu irukka?
d - - neg | உங்க கடையில எப்பவுமே பெரிய frame ஸ்டாக் இல்ல. XL frame order பண்ணி வரவழைப்பீங்களா?
d - h neu | e-bike charger தொலைஞ்சு போச்சு. யாராவது phone பண்ணி எந்த model வாங்கணும்னு சொல்லுங்க
d - h neg | bot kitta pesi pesi tired aayitten. shop-la irukkira oru real aal venum
d - - neg | vaangina pump mudhal naale kaathu adikkala. kaasu waste.
"""

TE = r"""
a A7 - neu | నా స్మార్ట్‌వాచ్ 13 నెలలకే బటన్ పని చేయట్లేదు, నేను Protege తీసుకోలేదు. Aurora వారంటీ ఇంకా ఉందా?
a A8 - neu | Saturday raatri OXXO payment option select chesaanu. ye roju varaku kattali, leda order cancel
  + avutunda?
a A9 - pos | Aurora అంటే నాకు చాలా ఇష్టం! Banorte కార్డ్‌తో MXN 4,500 TV కి 12 MSI వస్తుందా?
a A10 - neu | San Pedro store lo direct ga laptop konnanu. CFDI 'My orders' lo request cheyyala leka store lo
  + na?
a A11 - neu | పికప్‌కి నా పాస్‌పోర్ట్ తీసుకెళ్ళవచ్చా? నా దగ్గర మెక్సికో ID ఇంకా లేదు
a A12 - neu | Magazine Luiza lo same model number undi, color matrame vere. price match istara?
a A13 - neu | boleto generate చేశాను కానీ కట్టలేదు, వేరే షాప్‌లో కొనేశాను. ఆర్డర్ దానంతట అదే cancel అవుతుందా,
  + ఏమైనా charge ఉంటుందా?
a A14 - neg | coffee machine ivvale delivery ayyindi, asalu on avvatledu. chala disappointing. ippudu em
  + cheyyali?
a A15 - neu | మా కజిన్ చాలా కాలం క్రితం ఈ iPad పోయిందని report చేశాడు, తర్వాత దొరికింది. trade-in కి
  + తీసుకుంటారా?
a A16 h neu | weekday raatri 10:30 ki chat lo agent untara? lekapothe repu udayam evaraina naaku call
  + cheyyandi
a - - neu | డ్రోన్ కొంటే దాని registration పనుల్లో సాయం చేస్తారా?
a - - neu | pillala tablet ki parental control setup chesi istara?
a - - neu | ఆర్డర్‌ని రెండు రోజులు hold పెట్టి తర్వాత ship చేయమని అడగొచ్చా?
a - - neg | mee app lo naa review ni delete chesaru, chala kopam ga undi. reviews ki mee policy enti?
a - - neu | ఆన్ కాని పాత ఫోన్‌ని కనీసం recycle కోసం ఉచితంగా తీసుకుంటారా?
a - h neu | meeru bot aa? evarainaa nijam ga manishi unnara akkada?
a - h neu | మా ఆర్డర్ OTP నా భార్య పాత నంబర్‌కి వెళ్తోంది. దయచేసి ఎవరైనా నాకు ఫోన్ చేయండి
a - h neg | Estafeta driver naatho chala rude ga matladadu. complaints team lo evaraina senior tho matladali
a - h neg | మీ బాట్ నా ఆర్డర్ నంబర్‌ని ఫోన్ నంబర్ అనుకుంటోంది. చిరాకుగా ఉంది, ఎవరైనా మనిషి చూడండి
a - - neg | gaming mouse lo right click rendu vaaralake pani cheyyatledu. dabbulu waste
s S9 - neu | మధ్యాహ్నం 3 గంటల ఫ్లైట్, 1:30కి ఆన్‌లైన్ check-in చేయొచ్చా?
s S10 - neu | Spain phone ki Saturday 13:30 ki call cheyyocha?
s S11 - neg | బుక్ చేసిన ప్యాకేజీ ధర తర్వాత 120 € తగ్గింది. ఆ తేడా తిరిగి ఇస్తారా? లేకపోతే అన్యాయం
s S12 - neu | Mexico lo CFDI kaavali. payment November 12 na chesaanu, ippudu December 5. inka istara?
s S13 - neu | మేము 18 మంది, ఒక్కొక్కరికి 1,100 €. గ్రూప్ డిపాజిట్ ఎంత కట్టాలి?
s S14 h neu | naanna ki walker, crutches rendu unnayi, airline free ga teeskelthunda? evaraina call chesi
  + confirm cheyyandi
s S1 - neu | ఏప్రిల్ 20న బయలుదేరే ప్యాకేజీకి మిగతా డబ్బు ఎప్పటిలోగా కట్టాలి?
s S2 - neg | Basic ticket teesukunnanu, exam date maarindi. date maarchalema? inta strict rules aa
s S3 - pos | మీ సర్వీస్ చాలా బాగుంది! 700 € బుకింగ్ రద్దు చేసి bono తీసుకుంటే ఎంత వస్తుంది, ఎన్నాళ్ళు
  + చెల్లుతుంది?
s - - neu | Tirupati ki package untaya mee daggara?
s - - neu | బెల్జియంలో చాక్లెట్ ఫ్యాక్టరీ టూర్ బుక్ చేస్తారా?
s - - neu | Munich Oktoberfest lo tent table reservation chestara?
s - - neg | పోయినసారి బస్ టూర్‌లో సీట్ల కోసం గొడవ జరిగింది. ఈసారి ముందు సీట్లు ఖచ్చితంగా ఇస్తారా?
s - - neu | mee hotels lo Indian TV channels vastaya?
s - h neu | ఇంటర్‌లాకెన్‌లో మంచు వల్ల రైలు ఆగిపోయింది, హోటల్ చెక్-ఇన్ మిస్ అవుతాం. ఎవరైనా హోటల్‌కి ఫోన్ చేసి
  + చెప్పగలరా?
s - h neg | Solmar manager tho matladali. mee Valencia office lo rendu gantalu wait chesamu
s - h neg | తేదీ మార్చమని అడిగితే మీరు కొత్త ఆఫర్లు చూపిస్తున్నారు. విసుగొచ్చింది, మనిషితో మాట్లాడించండి
s - - neg | Amsterdam canal tour ticket meeda time tappu ga print chesaru, boat miss ayyam. chala worst
d D4 - neu | కొన్న lock నచ్చలేదు కానీ దాని ప్యాకెట్ పారేశాను. తిరిగి ఇవ్వొచ్చా?
d D5 h neu | e-bike battery 22 nelalu, 480 charge cycles, ippudu charge nilavatledu. warranty lo vastunda?
  + mechanic evaraina call cheyyandi
d D6 - neu | గేర్ కేబుల్ కొంచెం టైట్ చేయాలి, దానికి ముందే స్లాట్ బుక్ చేయాలా?
d D7 - neu | city bike rendu vaaralu rent ki kaavali, total entha?
d D8 - pos | మీ షాప్ అంటే నాకు చాలా ఇష్టం! నా పాత e-bike బ్యాటరీ కొంచెం తగ్గింది కానీ బాగా నడుస్తోంది, కొత్తది
  + కొంటే trade-in లో తీసుకుంటారా?
d - - neu | mee shop lo cycle tyres ki nitrogen filling chestara?
d - - neg | మీ వెబ్‌సైట్‌లో ధరలు ఎప్పుడూ పాతవే. స్టాక్ ఉందో లేదో ఆన్‌లైన్‌లో చూడొచ్చా?
d - h neg | మీ van డెలివరీ అతను బైక్‌ని గేట్ దగ్గర వదిలేసి వెళ్ళాడు, బాక్స్ తడిసిపోయింది. దయచేసి ఎవరైనా ఫోన్
  + చేయండి
d - h neg | bot tho chiraku vastondi, simple question ki 4 links pampistunnav. shop lo evaraina manishi tho
  + matladali
d - - neg | konna light battery okka ganta kuda raavatledu, box meeda 5 gantalu ani raasaru. mosam
"""

FR = r"""
a A1 - neu | Bonjour, je suis à Guadalajara pour le travail. Si je paie un casque jeudi soir à 21h, il part de
  + l'entrepôt quand ?
a A3 - neg | Franchement pénible de ne trouver l'info nulle part : vous livrez en France depuis le site
  + brésilien ? C'est pour ma sœur à Lyon.
a - h neg | Votre assistant me répond à côté depuis tout à l'heure. Je voudrais parler à un conseiller, s'il
  + vous plaît.
s S4 - neu | Mon sac cabine mesure 56 cm de haut, 40 de large et 20 de profondeur : il passe sur vos vols ?
s S7 h neu | Notre vol retour de Rome a eu 7 heures de retard. Avec le Seguro Total, on a droit à quelque
  + chose ? J'aimerais qu'un conseiller me rappelle.
s - - pos | Séjour génial à Séville l'an dernier, merci encore ! Vous proposez des cours de flamenco dans vos
  + forfaits ?
d D7 - neu | Combien pour louer deux vélos de ville pendant une semaine ? Et mon fils de 15 ans peut en louer
  + un ?
"""

IT = r"""
a A2 - neu | Vivo a San Paolo: per un ordine da R$ 250 quanto pago di spedizione standard?
a A4 - neu | Stamattina mi è arrivato l'SMS col codice Loggi ma non risulta nessun movimento. Quanto può
  + metterci la prima scansione?
a A16 h neu | Sono a Monterrey: qual è il vostro numero WhatsApp per il Messico? E vorrei che un operatore mi
  + richiamasse oggi, grazie.
s S5 - neu | Sono italiano e vado a Cuba con voi a marzo: quanto deve essere ancora valido il passaporto?
s S2 - pos | L'anno scorso siete stati gentilissimi! Mancano 40 giorni al pacchetto per Creta: quanto costa
  + spostare la data?
s - - neu | Negli hotel che proponete a Ibiza c'è sempre la palestra?
d D1 - neg | Domenica ho pedalato 10 km per trovare tutto chiuso, che seccatura. In quali giorni siete aperti?
"""

DE = r"""
a A10 - neu | Ich wohne in Mexiko-Stadt. Bis wann kann ich die CFDI für eine Zahlung vom 3. November noch
  + anfordern?
a A13 - neu | Wenn ich meine Bestellung storniere, bekomme ich dann auch die Kosten für den Expressversand
  + zurück?
a - - neu | Gibt es eine Aurora-App für die Smartwatch?
s S3 - neu | Wir müssen unsere Pauschalreise 35 Tage vor Abflug stornieren. Was kostet das bei 2.400 €?
s S10 - neu | Hat euer Büro in Madrid samstags um 19 Uhr noch geöffnet?
s - h neg | Ihr Chatbot hat mir dreimal dieselbe Antwort geschickt. Ich möchte bitte, dass mich ein
  + Mitarbeiter zurückruft.
d D5 - neu | Der Motor meines E-Bikes ist nach 26 Monaten kaputtgegangen, ohne Unfall. Ist das noch Garantie?
"""

BLOCKS = [("en", EN), ("es", ES), ("pt", PT), ("hi", HI), ("ta", TA), ("te", TE), ("fr", FR), ("it", IT), ("de", DE)]

ROW = re.compile(r"([asd]) ([ASD]\d{1,2}|-) ([h-]) (pos|neu|neg) \| (\S.*)")
CONT = re.compile(r" +\+ (\S.*)")


def parse(blocks):
    rows, errors = [], []
    for lang, block in blocks:
        for n, line in enumerate(block.splitlines(), 1):
            if not line.strip():
                continue
            m = CONT.fullmatch(line)
            if m:
                if not rows or rows[-1]["language"] != lang:
                    errors.append(f"{lang} line {n}: continuation without a row above")
                else:
                    rows[-1]["text"] += " " + m.group(1).rstrip()
                continue
            m = ROW.fullmatch(line)
            if not m:
                errors.append(f"{lang} line {n}: cannot parse {line!r}")
                continue
            t, code, wh, sent, text = m.groups()
            rows.append(
                {
                    "where": f"{lang} line {n}",
                    "tenant": TENANTS[t],
                    "code": None if code == "-" else code,
                    "text": text.rstrip(),
                    "language": lang,
                    "wants_human": wh == "h",
                    "sentiment": SENTIMENTS[sent],
                }
            )
    return rows, errors


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
    return re.findall(r"\w+", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def five_grams(text):
    w = words(text)
    return {tuple(w[i : i + 5]) for i in range(len(w) - 4)}


def indic(text):
    return [ch for ch in text if "\u0900" <= ch <= "\u0dff" or "\ua8e0" <= ch <= "\ua8ff" or "\u1cd0" <= ch <= "\u1cff"]


def check(rows, faq_texts, faq_headings):
    errors = []
    # heading table against the FAQ files
    for letter, tenant in TENANTS.items():
        codes = sorted((c for c in HEADINGS if c[0] == letter.upper()), key=lambda c: int(c[1:]))
        table = [HEADINGS[c] for c in codes]
        if [c[1:] for c in codes] != [str(i) for i in range(1, len(codes) + 1)] or table != faq_headings[tenant]:
            errors.append(f"{tenant}: heading table {table} != FAQ headings {faq_headings[tenant]}")
    # rows
    faq_grams = set().union(*(five_grams(t) for t in faq_texts))
    seen = {}
    for r in rows:
        where, text, code = r["where"], r["text"], r["code"]
        if code is not None:
            if code[0] != r["tenant"][0].upper():
                errors.append(f"{where}: section code {code} does not belong to tenant {r['tenant']}")
            elif code not in HEADINGS:
                errors.append(f"{where}: section code {code} is not in the heading table")
        if not MIN_LEN <= len(text) <= MAX_LEN:
            errors.append(f"{where}: text has {len(text)} characters (allowed {MIN_LEN}-{MAX_LEN})")
        if text in seen:
            errors.append(f"{where}: same text as {seen[text]}")
        seen.setdefault(text, where)
        shared = five_grams(text) & faq_grams
        if shared:
            errors.append(f"{where}: shares five words with an FAQ: {' '.join(sorted(shared)[0])!r}")
        letters = indic(text)
        if r["language"] in NATIVE:
            lo, hi = NATIVE[r["language"]]
            other = [ch for ch in letters if not lo <= ch <= hi]
            if other:
                errors.append(f"{where}: letters of another Indic script in a {r['language']} row: {''.join(other)!r}")
            r["native"] = bool(letters)
        elif letters:
            errors.append(f"{where}: Indic letters in a {r['language']} row: {''.join(letters)!r}")
    # script split per language and tenant
    for lang in NATIVE:
        for tenant in TENANTS.values():
            share = [r for r in rows if r["language"] == lang and r["tenant"] == tenant]
            native = sum(r["native"] for r in share)
            if 2 * native != len(share):
                errors.append(f"{lang}/{tenant}: {native} of {len(share)} rows in native script, need exactly half")
    # designed counts
    got = Counter()
    for r in rows:
        kind = (r["code"] is None) * 2 + r["wants_human"]
        got[(r["language"], r["tenant"], kind)] += 1
    for lang in sorted({r["language"] for r in rows} | set(DESIGN)):
        for tenant in TENANTS.values():
            want = DESIGN.get(lang, {}).get(tenant, (0, 0, 0, 0))
            have = tuple(got[(lang, tenant, kind)] for kind in range(4))
            if have != want:
                errors.append(f"{lang}/{tenant}: rows (ans, ans+wh, unans, unans+wh) {have} != designed {want}")
        sent = Counter(r["sentiment"] for r in rows if r["language"] == lang)
        want = SENTIMENT_DESIGN.get(lang, (0, 0))
        if (sent["positive"], sent["negative"]) != want:
            errors.append(f"{lang}: (positive, negative) {(sent['positive'], sent['negative'])} != designed {want}")
    # every section labels 3-5 answerable rows
    per_section = Counter(r["code"] for r in rows if r["code"] is not None)
    for code in HEADINGS:
        if not 3 <= per_section[code] <= 5:
            errors.append(f"section {code} ({HEADINGS[code]}) labels {per_section[code]} rows, need 3-5")
    return errors


def main():
    try:
        faq_texts = [
            (EVAL_DIR / "aurora-faq.txt").read_text(encoding="utf-8"),
            (EVAL_DIR / "solmar-faq.txt").read_text(encoding="utf-8"),
            DEMO_FAQ.read_text(encoding="utf-8"),
        ]
        faq_headings = {
            "aurora": headings_txt(EVAL_DIR / "aurora-faq.txt"),
            "solmar": headings_txt(EVAL_DIR / "solmar-faq.txt"),
            "demo": headings_md(DEMO_FAQ),
        }
    except OSError as e:
        print(f"cannot read the FAQ files: {e}", file=sys.stderr)
        sys.exit(1)
    rows, errors = parse(BLOCKS)
    errors += check(rows, faq_texts, faq_headings)
    if errors:
        print(f"FAILED: {len(errors)} problem(s); nothing written", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    numbers = Counter()
    lines = []
    for r in rows:
        numbers[r["tenant"]] += 1
        msg = {
            "id": f"{PREFIX}-{r['tenant']}-{numbers[r['tenant']]:03d}",
            "tenant": r["tenant"],
            "text": r["text"],
            "language": r["language"],
            "answerable": r["code"] is not None,
            "section": HEADINGS[r["code"]] if r["code"] else None,
            "wants_human": r["wants_human"],
            "sentiment": r["sentiment"],
        }
        lines.append(json.dumps(msg, ensure_ascii=False) + "\n")
    OUT.write_text("".join(lines), encoding="utf-8")
    print(f"wrote {len(lines)} messages to {OUT}")


if __name__ == "__main__":
    main()
