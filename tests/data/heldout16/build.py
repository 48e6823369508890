#!/usr/bin/env python3
"""Write heldout16/messages.jsonl from the hand-written table in this file.

Every row below was written by hand, one at a time: no templates, no generated combinations, and no block
is a translation of another. The table has one block per language (a raw string). A row is one line

    <tenant> <section> <wants_human> <sentiment> | <text>

tenant `a` (aurora), `s` (solmar) or `d` (demo); section a code such as `A7`, `S3`, `D5`, or `-` when the
FAQ does not answer the message; wants_human `h` or `-`; sentiment `pos`, `neu` or `neg`. A line starting
with spaces and `+ ` continues the text of the row above, joined with one space. The language is the
block's. Section codes are mapped to exact heading strings through HEADINGS, which must equal the headings
parsed from the three FAQ files.

Before anything is written, the script checks: every row parses; every section code belongs to the row's
tenant and is in HEADINGS; HEADINGS equals the FAQ headings; every text is 20-170 characters and occurs
once; no text shares five consecutive words with any FAQ text (lower-cased, accents stripped); in hi, ta
and te exactly half of each tenant's rows are in the language's own script (and no other Indic script) and
the rest contain no Indic letters, while the other languages contain none; every language has its designed
number of rows per tenant (answerable without / with wants_human, unanswerable without / with wants_human)
and of positive and negative rows; every section of every FAQ labels 3-5 answerable rows. On any failure:
message on stderr, nothing written, exit status 1.

FAQ locations: EVAL_DIR (aurora-faq.txt, solmar-faq.txt; default ../shared/eval beside the repository
root) and DEMO_FAQ (default deploy/local/sample/demo-faq.md under the repository root).

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
OUT = HERE / "messages.jsonl"
PREFIX = "h16"

TENANTS = {"a": "aurora", "s": "solmar", "d": "demo"}
SENT = {"pos": "positive", "neu": "neutral", "neg": "negative"}

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

# Designed rows per language and tenant: (answerable without wants_human, answerable with wants_human,
# unanswerable without wants_human, unanswerable with wants_human); and (positive, negative) per language.
MAIN = {"aurora": (9, 1, 6, 4), "solmar": (8, 1, 6, 3), "demo": (4, 1, 3, 2)}
DESIGN = {lang: MAIN for lang in ("en", "es", "pt", "hi", "ta", "te")}
DESIGN["fr"] = {"aurora": (2, 0, 0, 1), "solmar": (1, 1, 1, 0), "demo": (1, 0, 0, 0)}
DESIGN["it"] = {"aurora": (2, 1, 0, 0), "solmar": (2, 0, 1, 0), "demo": (1, 0, 0, 0)}
DESIGN["de"] = {"aurora": (2, 0, 1, 0), "solmar": (2, 0, 0, 1), "demo": (1, 0, 0, 0)}
SENTIMENT_COUNTS = {lang: (3, 15) for lang in ("en", "es", "pt", "hi", "ta", "te")}
SENTIMENT_COUNTS.update({"fr": (1, 2), "it": (1, 1), "de": (0, 1)})

# Native script of the Indic languages; any code point in INDIC counts as an Indic letter.
SCRIPTS = {"hi": ("\u0900", "\u097f"), "ta": ("\u0b80", "\u0bff"), "te": ("\u0c00", "\u0c7f")}
INDIC = ("\u0900", "\u0dff")

ROW = re.compile(r"^([asd]) ([ASD]\d{1,2}|-) ([h-]) (pos|neu|neg) \| (\S.*\S)$")
CONT = re.compile(r"^\s+\+ (\S.*\S)$")

BLOCKS = {}

# ---------------------------------------------------------------------------------------------------- en
BLOCKS["en"] = r"""
a A1 - neu | ordering a printer to La Paz, Baja California Sur. roughly how many business days should I expect
    + with standard delivery?
a A2 - neg | ugh, MXN 940 of phone cases and cables in my cart and you're still going to charge me shipping??
    + how much exactly
a A3 - neu | I live near the border, can you send a blender to my forwarding address in Laredo, Texas? I cross
    + over every week anyway
a A4 - neg | the courier has "tried" twice now and nobody even rang my bell. what happens if they fail a third
    + time?
a A5 - pos | honestly the best prices I found during Buen Fin, love it! quick q: can a fitness band I got then
    + still go back on Jan 10?
a A6 - neu | returned a keyboard I'd paid for with Mercado Pago. once it passes your inspection, how soon do I
    + see the money?
a A7 - neu | my 8-month-old phone's battery drains way faster than when it was new. is that something the
    + Aurora warranty covers?
a A8 - neu | no card here. can I just pay the delivery guy in cash when my speaker shows up?
a A9 - neu | Citibanamex credit card, camera for MXN 2,600: can I spread it over 9 months sin intereses?
a A10 h neu | first time asking for a CFDI for my small business. what info do I have to fill in? honestly I'd
    + rather someone walked me through it over the phone
a - - neu | can my trade-in credit be moved over to my brother's Aurora account? he's the one buying the new
    + laptop
a - - neu | do you offer gift wrapping if I pick the order up at Coyoacán? it's a birthday present
a - - neu | is there a student discount on laptops if I show my university ID at checkout or in store?
a - - neg | last time your "estimated" delivery date was a joke, so tell me: can I book express for a set time
    + window, like after 6pm?
a - - neu | is there an Aurora outlet where returned open-box items are sold cheaper?
a - h neu | hi, is there anyone on the other end of this chat right now?
a - h neu | can someone from your team call me today on 33 1234 5678? order 55120 has the wrong street on it
    + and it ships soon
a - h neg | I asked about a charge on my card I don't recognize and your bot sent me the returns link. twice.
    + I need a real person to check this
a - h neg | really unhappy with how my last two orders were handled, please put me through to a supervisor
a - - neg | the wireless charger I bought is painfully slow and gets hot enough to worry me. basically useless
s S1 - neg | booked a Mykonos package 40 minutes ago and STILL no email with my booking code. seriously, where
    + is it?
s S2 - neu | I can't travel anymore and want to give my Rome package to my sister instead. what does switching
    + the name to her cost?
s S3 - neg | so Solmar cancelled our Havana trip two weeks before departure. great. do we at least get every
    + cent back?
s S4 - neu | my suitcase never came out on the belt in Lisbon. what do I need to do before I leave the
    + airport?
s S5 - neu | Spanish passport, flying to New York in 2 days and I totally forgot the ESTA. is it already too
    + late?
s S6 - neg | your payment page rejected my card twice, annoying. can I pay by bank transfer instead? the trip
    + leaves in 5 days
s S7 - pos | just booked my first ever Solmar package, so excited!! does the basic insurance it comes with
    + cover me if I cancel because I'm sick?
s S8 - neu | taking my cat to Berlin in August. how long before the trip does her rabies jab need to be done?
s S9 h neu | can't find online check-in anywhere for the charter flight in our Menorca package. could a person
    + call me and explain?
s - - neu | is there a Solmar lounge at Madrid airport that package customers can use before the flight?
s - - neu | does the Tarifa Flexible Solmar also let me change the destination, or only the date?
s - - neu | do your holiday packages to Andorra include ski passes, or do we buy those there?
s - - neg | roaming cost me a fortune on my last trip with you. do you sell eSIMs now or not?
s - - neu | would Seguro Solmar Total pay out for a paragliding accident in the Alps?
s - h neu | my daughter's flight got diverted to Valencia at midnight and she's alone there. I need someone
    + from Solmar on the phone right now
s - h neg | is there anybody at Solmar who can actually look at my booking? the chatbot just keeps pasting the
    + FAQ link
s - h neu | could someone who handles destination weddings ring me back tomorrow morning? easier to explain by
    + voice
s - - neg | the "sea view" room we paid extra for in Albufeira looked straight onto a car park. so
    + disappointed
d D1 - neu | no need to put me through to anyone, just tell me: can I drop my bike at the workshop at 3pm on a
    + Saturday?
d D2 - neu | I use a wheelchair. can I get into the shop without steps?
d D3 h neu | if I order pedals at 11 on a Wednesday morning, do they go out the same day? would rather someone
    + rang me to confirm
d D4 - neg | the jersey I bought is way too tight after wearing it once on a ride. please tell me I can still
    + return it
d D5 - pos | you built me a fantastic bike six years ago and I'm still its only owner. the frame just cracked,
    + is that covered?
d - - neu | do you offer bike fitting sessions for road bikes, saddle height and all that?
d - - neu | is there a loyalty card or points scheme for people who service their bikes with you?
d - h neu | could the owner of the shop give me a call? it's about a bulk order for our office's bike-to-work
    + scheme
d - h neg | I've typed my question four different ways and got nothing useful back. can a person take over
    + please
d - - neg | the kickstand you fitted last week already bends when I park the bike. not impressed
"""

# ---------------------------------------------------------------------------------------------------- es
BLOCKS["es"] = r"""
a A11 - neu | oye, si escojo recoger en la tienda de Andares, ¿hasta qué hora abren los domingos?
a A12 - neg | qué coraje, la misma pantalla está más barata en Coppel pero la vende un tercero del
    + marketplace. ¿me igualan el precio o no?
a A13 - neg | compré dos audífonos en el mismo pedido y ya nomás quiero uno, ¿puedo cancelar solo el otro? qué
    + mal si no se puede
a A14 - neu | me llegó la licuadora con el vaso estrellado, ¿yo tengo que pagar el envío para regresarla?
a A15 - neu | ¿aceptan consolas en el trade-in? tengo un Xbox viejito que ya no uso
a A16 - neu | sin pasarme con nadie, nomás díganme: ¿el chat lo atienden en inglés? es para mi esposo que no
    + habla español
a A1 - neu | pagué el 16 de septiembre en la mañana, que es feriado, ¿sale ese mismo día del almacén?
a A2 - pos | me encanta comprar con ustedes 😍 si me hago Aurora Plus, ¿cuánto cuesta al año y el express me
    + sale gratis siempre?
a A3 - neu | ¿puedo poner mi apartado postal de Mérida como dirección de entrega?
a A4 h neu | borré sin querer el correo con el número de guía, ¿dónde más lo encuentro? o que alguien me llame
    + porfa, la app no le entiendo
a - - neu | si compro la pantalla de 55 con envío, ¿ustedes me la instalan en la pared?
a - - neu | ¿la tienda de Polanco tiene estacionamiento gratis para clientes?
a - - neu | ¿hacen reparaciones fuera de garantía en sus tiendas? ¿cuánto cobran más o menos?
a - - neg | ya me cansé de esperar a que resurtan el Pixel. ¿me pueden avisar por WhatsApp cuando vuelva a
    + haber, sí o no?
a - - neu | ¿tienen algún programa de afiliados o códigos de descuento para creadores de contenido?
a - h neg | ¿hay alguien ahí? llevo rato escribiendo y nomás me contesta el robot con lo mismo
a - h neu | urge que alguien me marque: el repartidor dejó mi paquete en la casa de al lado y el vecino no lo
    + quiere dar
a - h neg | quiero hablar con el gerente de la tienda de Coyoacán, ayer me trataron fatal en el mostrador
a - h neu | ¿me pueden contactar por teléfono? prefiero arreglar lo de la garantía de mi laptop con una
    + persona
a - - neg | la bocina inteligente que compré no entiende nada de lo que le digo, puro "no te entendí". qué
    + decepción
s S10 - neu | si escribo al WhatsApp de Solmar a las 23:30, ¿me contesta una persona o ya el asistente?
s S11 - neg | vaya rollo, reservé y se me olvidó meter el cupón de 20 € del boletín. ¿me lo podéis aplicar
    + ahora?
s S12 - neu | reservé hace 10 días a título personal y ahora necesito la factura a nombre de mi empresa, ¿aún
    + estoy a tiempo?
s S13 - neu | somos 25 de la facultad para el viaje de fin de curso, ¿con cuánta antelación hay que mandar la
    + lista de nombres?
s S14 - pos | me parece genial que penséis en esto: mi madre es sorda, ¿tenéis atención en lengua de signos?
    + ¿qué días?
s S1 - neg | ayer vi el vuelo a 180 € y hoy al ir a pagar sale a 230. ¿el precio no estaba garantizado o qué?
s S2 - neg | qué faena: tengo un hotel en Cádiz para dentro de 10 días y quiero moverlo una semana, ¿cuánto me
    + cuesta?
s S3 - neu | mi hotel tiene cancelación gratuita hasta el día 3 y hoy es día 2, ¿me cobráis algo si cancelo
    + ya?
s S4 h neu | estoy reservando un paquete: ¿me sale más barato añadir la maleta extra ya o en el aeropuerto?
    + que alguien me llame, no veo dónde
s - - neu | ¿el Club Solmar tiene niveles tipo oro o platino con más ventajas?
s - - neu | ¿hacéis viajes organizados para gente soltera que viaja sola?
s - - neu | ¿los paquetes a Japón llevan incluido el JR Pass o va aparte?
s - - neg | la app se me cuelga cada dos por tres. ¿tiene al menos un modo sin conexión para ver el bono?
s - - neu | si reservo dos paquetes a la vez, uno en junio y otro en octubre, ¿me hacéis algún descuento?
s - h neu | necesito que alguien de Solmar me llame ya, estoy en el aeropuerto de Lisboa y mi vuelo de vuelta
    + no aparece en la reserva
s - h neu | oye, ¿esto lo lleva alguien o es todo automático? me gustaría que me atendiera una persona de
    + carne y hueso
s - h neg | estoy harto del asistente: le pregunto por mi reembolso y me ofrece cruceros. pasadme con alguien,
    + por favor
s - - neg | el guía de la excursión a Toledo llegó una hora tarde y encima nos metió prisa todo el día. fatal
d D6 - neg | la última vez que llevé la bici a otro taller me la dejaron peor. ¿vosotros arregláis bicis de
    + otras marcas? es de Decathlon
d D7 - pos | ¡qué ganas de probar una eléctrica! para alquilarla el finde, ¿cuánto dejo de fianza y qué tengo
    + que llevar?
d D8 - neu | la bici de mi hijo se le ha quedado pequeña, ¿me la cogéis como parte del pago de una nueva para
    + él?
d D9 h neu | ¿una bici de 1.200 EUR se puede pagar a plazos? prefiero que me llame alguien de la tienda para
    + hablarlo
d D10 - neu | los mensajes de WhatsApp, ¿los contesta un bot o alguien del equipo?
d - - neu | ¿vendéis bicis de segunda mano revisadas en el taller?
d - - neu | ¿organizáis rutas guiadas en bici por la ciudad los sábados?
d - h neg | llevo 20 minutos esperando respuesta por aquí, ¿hay alguien en la tienda que me pueda atender?
d - h neu | ¿alguien me puede llamar esta tarde? tengo que resolver lo de la bici de mi hija antes del viernes
d - - neg | me cambiasteis las pastillas de freno y siguen chirriando igual que antes. dinero tirado
"""

# ---------------------------------------------------------------------------------------------------- pt
BLOCKS["pt"] = r"""
a A5 - neu | recebi a cafeteira ontem e me arrependi. se eu desistir da compra, o frete também volta?
a A6 - neu | devolvi uma caixa de som que comprei parcelado em 8x no cartão. as parcelas que faltam vão
    + continuar vindo?
a A7 - neu | caiu café no meu notebook de 5 meses, a garantia de 12 meses da Aurora cobre isso?
a A8 - pos | vocês são demais, melhor loja que já comprei! posso dividir o pagamento de um videogame em dois
    + cartões?
a A9 - neg | sério que 12x tem juros?? quanto é por mês?
a A10 - neu | a nota fiscal do meu pedido vem quando? paguei anteontem e ainda não chegou nada no email
a A11 - neu | o produto não tem em estoque na loja de Pinheiros. se eu escolher retirar lá mesmo assim, demora
    + quanto?
a A12 - neg | fiquei chateado: comprei uma TV e uma semana depois da entrega o preço caiu no site de vocês.
    + tem como receber a diferença?
a A13 h neu | meu pedido já está como "Shipped", ainda dá pra cancelar? se não der, quero que alguém me ligue
a A14 - neu | chegou o carregador mas sem o cabo na caixa. tenho quanto tempo pra reclamar disso?
a - - neu | dá pra trocar a cor do produto depois que o pedido já foi enviado?
a - - neu | vocês vendem peça de reposição, tipo bateria nova pra notebook?
a - - neu | dá pra agendar a retirada na loja da Barra pra um horário certo, tipo 19h?
a - - neu | vocês dão desconto pra compra em quantidade? seriam 15 tablets pra uma escola
a - - neg | já comprei 3 notebooks com vocês e nunca ganhei nada. vocês têm programa de indicação ou não?
a - h neu | oi? tem alguém aí do outro lado? queria falar com uma pessoa sobre uma compra feita no nome do meu
    + pai, que faleceu
a - h neg | quero falar com a ouvidoria da Aurora. já abri três chamados e ninguém resolve nada
a - h neg | esse robô não entende nada do que eu escrevo, pelo amor de Deus, coloca um atendente
a - h neu | podem me ligar amanhã depois das 14h? o assunto é meio longo pra escrever aqui
a - - neg | a smart TV que comprei trava toda vez que abro o streaming, muito decepcionado
s S5 - neg | da última vez uma agência me enrolou com visto. vocês tiram o visto eletrônico pro Quênia? quanto
    + sai?
s S6 - neu | moro em Madri, dá pra parcelar uma viagem de 250 € com o Pago Flex?
s S7 h neu | o Seguro Total cobre se minha mala sumir? até quanto? prefiro que um atendente me explique por
    + telefone
s S8 - neu | vou levar meu gato pra Buenos Aires. além do microchip, precisa de atestado do veterinário?
s S9 - neu | vou viajar com um bebê de 4 meses, consigo fazer o check-in online normalmente?
s S10 - pos | adorei o atendimento na última viagem! vocês atendem em português no telefone da Espanha?
s S11 - neg | que chato, tenho dois cupons e queria usar os dois na mesma reserva. pode?
s S12 - neg | achei um absurdo, a fatura do pacote veio sem o IVA separado. isso tá errado?
s S13 - neu | somos 12 amigos de um time de futebol amador, quanto tempo vocês levam pra mandar o orçamento do
    + grupo?
s - - neu | vocês vendem ingresso pra Sagrada Família junto com o pacote de Barcelona?
s - - neu | tem passeio de balão na Capadócia nos pacotes da Turquia?
s - - neu | vocês dão desconto pra quem tem mais de 65 anos?
s - - neu | a Solmar emite a permissão internacional pra dirigir?
s - - neg | no último hotel fazia 35 graus e o ar não funcionava. os quartos dos pacotes têm ar-condicionado
    + garantido?
s - h neu | meu voo de conexão em Madri foi cancelado e a companhia não me dá resposta, alguém da Solmar pode
    + me ligar agora?
s - h neu | vocês podem me chamar no WhatsApp com um atendente? não consigo explicar meu problema por esse
    + chat
s - h neg | que falta de respeito, é a terceira vez que peço pra alguém revisar minha reserva. quero falar com
    + um supervisor
s - - neg | o café da manhã do hotel em Lisboa era pão seco e café frio, nada a ver com as fotos
d D3 - neu | quanto custa a entrega de uma bike em casa? ela chega montada ou tenho que montar?
d D4 - neu | comprei a câmara de ar do tamanho errado, ainda lacrada. posso devolver? quanto custa mandar de
    + volta?
d D5 - neg | as pastilhas de freio da minha bike nova já gastaram em dois meses, um absurdo. entra na
    + garantia?
d D6 - pos | vocês salvaram meu passeio semana passada! se furar o pneu de novo, consertam na hora? quanto
    + fica?
d D7 h neu | o aluguel já vem com capacete e cadeado ou tenho que levar os meus? alguém pode me ligar pra
    + combinar a retirada?
d - - neu | dá pra deixar minha bike guardada na loja durante as férias, tipo um depósito?
d - - neu | vocês têm curso de mecânica básica pra quem está começando?
d - h neu | a bicicleta que encomendei chegou com o guidão torto, quero conversar com alguém da loja ainda
    + hoje
d - h neg | já é a segunda vez que escrevo e ninguém resolve nada. quero falar com o gerente
d - - neg | o selim que comprei aí machuca demais, não dá pra pedalar nem dez minutos
"""

# ---------------------------------------------------------------------------------------------------- hi
BLOCKS["hi"] = r"""
a A15 - neu | मेरा पुराना iPad ट्रेड-इन करना है, जो quote मिलता है वो कितने दिन तक valid रहता है?
a A16 - neu | phone support sabke liye hai ya sirf Aurora Plus members ke liye? bas number chahiye tha
a A1 - neu | Guadalajara में express delivery मिलती है क्या? मंगवाऊँ तो कितने दिन में आ जाएगा?
a A2 - neu | mera order MXN 5,000 ka hai, express ka charge order ke total pe depend karta hai kya?
a A3 - neu | मेरे भाई ने aurora.com.br से फ़ोन लिया है, क्या वो उसे मेक्सिको में रिपेयर करवा सकता है?
a A4 - neg | app itna confusing hai yaar. order kahan track karun? Estafeta ki site pe bhi dikhega kya?
a A5 - neu | मैंने गलती से ज़्यादा printer ink cartridges ऑर्डर कर दीं, पैक बंद है, क्या वापस हो जाएंगी?
a A6 h neu | return kiya tha, warehouse pahunch gaya. refund kitne din me issue hoga? koi insaan call karke
    + bata de please
a A7 - neg | पिछली बार repair में बहुत देर लगी थी। warranty repair में आखिर कितना टाइम लगता है? मेरा laptop 4
    + महीने पुराना है
a A8 - pos | aapki site mast hai yaar! Pix se pay karun toh koi discount milta hai kya?
a - - neu | क्या Andares वाले store में VR headset खरीदने से पहले try कर सकते हैं?
a - - neu | Aurora Plus membership family ke saath share ho sakti hai kya? wife ke account pe bhi chahiye
a - - neu | क्या Aurora का कोई newsletter है जिसमें discount coupon आते हैं?
a - - neg | naye phone bahut mehenge hain yaar, aap log refurbished phones bechte ho kya?
a - - neu | अगर मैं अपना फ़ोन बेच दूँ तो क्या उसका Protege plan नए मालिक के नाम हो सकता है?
a - h neu | कृपया मुझे कॉल कीजिए, मेरे पैसे कट गए हैं पर order कहीं दिख ही नहीं रहा
a - h neg | ये bot बार-बार वही जवाब दे रहा है, थक गया हूँ, किसी agent को भेजो
a - h neu | bhai urgent hai, kal meri flight hai aur laptop abhi tak nahi aaya, kisi se baat karao
a - h neg | manager se baat karni hai, store pe mujhe ek ghanta line me khada rakha
a - - neg | jo smartwatch liya uski battery ek din bhi nahi chalti, bilkul bekaar cheez hai
s S14 - pos | बहुत अच्छा लगा कि आप wheelchair वालों का ध्यान रखते हो! adapted कमरा पक्का है, ये पैसे देने से
    + पहले कैसे पता चलेगा?
s S1 - neu | kya main Solmar ki app se seedha cruise book kar sakta hun ya office jaana padega?
s S2 - neu | मेरी Classic fare वाली flight है, क्या उसकी date बदल सकते हैं? कितना लगेगा?
s S3 - neg | cancel ke baad paisa card pe kitne din me wapas aata hai? pichli baar kahin aur 2 mahine lag gaye
    + the
s S4 - neg | surfboard ले जाने का भी अलग charge? हद है। Lanzarote के लिए हर तरफ़ कितना है और कितने पहले बताना
    + होगा?
s S5 h neu | beta 16 saal ka hai, dada-dadi ke saath Mexico ja raha hai, kaunse papers chahiye? koi agent call
    + karke samjha de
s S6 - neu | Mexico में booking की है, क्या 12 महीने की EMI बिना ब्याज के मिल जाएगी?
s S7 - neu | package ke saath jo basic insurance aata hai, usme abroad medical kitne tak cover hai?
s S8 - neu | क्या मेरी बिल्ली और मेरे पति की बिल्ली, दोनों मेरे साथ cabin में जा सकती हैं?
s - - neu | क्या Solmar के Paris packages में Disneyland की tickets भी शामिल होती हैं?
s - - neu | Club Solmar points kisi dost ko gift kar sakte hain kya? uski trip agle mahine hai
s - - neu | honeymoon packages में क्या कोई free room upgrade मिलता है?
s - - neu | Madrid ki flights pe aapke paas students ke liye koi discount hai?
s - - neg | pichli trip me 6 ghante lobby me baithe rahe. is baar hotel me early check-in guarantee kar sakte
    + ho?
s - h neu | हम बार्सिलोना में हैं, होटल वाले कह रहे हैं हमारी booking है ही नहीं, तुरंत किसी से फ़ोन पर बात
    + करवाइए
s - h neg | hello koi hai? 20 minute se message kar raha hun, ek bhi reply nahi aaya
s - h neg | ये bot क्या बोल रहा है कुछ समझ नहीं आ रहा, किसी असली इंसान से बात करवाइए
s - - neg | Dubai wale package ka hotel photos se bilkul alag tha, kamra chhota aur ganda. poora paisa doob
    + gaya
d D8 - neu | मेरी पुरानी bike की trade-in value online बता सकते हो या shop पर लानी पड़ेगी?
d D9 - pos | aapki shop best hai! dost ka birthday hai, gift card kam se kam kitne ka milta hai?
d D10 - neu | workshop से जुड़ा urgent सवाल है, फ़ोन करूँ या WhatsApp पर लिखूँ?
d D1 h neu | Monday ko public holiday hai, shop khuli rahegi kya? koi mujhe call back kar de please
d D2 - neg | पिछली बार बाहर खड़ी मेरी cycle चोरी होते-होते बची। अंदर shopping करते वक्त cycle लॉक करने की कोई
    + ढकी जगह है?
d - - neu | क्या आप बच्चों को साइकिल चलाना सिखाने की class रखते हो?
d - - neu | purani cycle pe naya paint karwa sakte hain kya aapke workshop me?
d - h neu | मेरी e-bike की battery से धुआँ निकल रहा है, अभी तुरंत किसी को मुझसे बात करनी होगी
d - h neg | ye automatic replies kisi kaam ke nahi, seedha shop ke kisi bande se baat karwao
d - - neg | nayi bell lagwayi thi, do din me hi awaaz band. kya quality hai yaar
"""

# ---------------------------------------------------------------------------------------------------- ta
BLOCKS["ta"] = r"""
a A9 - neu | checkout-ல 6 மாசம் MSI select பண்ணிட்டேன், pay பண்ணின பிறகு அதை 12 மாசமா மாத்த முடியுமா?
a A10 - neu | en company CNPJ-la NF-e venum, adha enga kudukkanum?
a A11 - neu | Monterrey-ல உங்க pickup store எந்த ஏரியால இருக்கு?
a A12 - neu | oru maasathula evlo thadava price match use pannalam? indha maasam already rendu thadava
    + pannitten
a A13 - neu | order-ஐ cancel பண்ணா shipping-க்கு கட்டின பணமும் சேர்த்து திரும்ப வருமா?
a A14 h neu | delivery aal kitta irukkum bodhe box kizhinju irundhuchu, vaangaama thiruppi anuppalaamaa?
    + yaaravadhu call panni sollunga
a A15 - pos | உங்க trade-in திட்டம் ரொம்ப சூப்பர்! inspection-ல quote-ஐ விட கம்மியா சொன்னா, phone-ஐ நான்
    + திரும்ப வாங்கிக்கலாமா?
a A16 - neu | email anuppina evlo neram kazhichu reply varum?
a A1 - neu | இன்னைக்கு வியாழக்கிழமை, மதியம் 1 மணிக்கு pay பண்ணா அன்னைக்கே warehouse-ல இருந்து
    + அனுப்பிடுவீங்களா?
a A2 - neg | washing machine-ku shipping charge romba adhigama theriyudhu, exact-a evlo? express-la
    + anuppuveengala?
a - - neu | Aurora Plus membership-க்கு வருஷத்துக்கு ஒரே தடவை கட்டாம, மாசா மாசம் கட்டலாமா?
a - - neg | last-a vaangina laptop romba slow-a irukku, neenga RAM upgrade panni tharuveengala?
a - - neu | உங்க app-ல wishlist வச்சா, விலை குறையும்போது alert வருமா?
a - - neu | laptop vaangina free-a laptop bag tharuveengala? friend-ku vera kadaila kuduthaanga
a - - neu | Coyoacán store-ல Apple products-க்கு தனியா service center இருக்கா?
a - h neg | bot kitta pesi pesi bore aagiduchu, oru manushan kitta connect pannunga
a - h neg | யாராவது இருக்கீங்களா? ஒரு மணி நேரமா கேட்டுட்டே இருக்கேன், பதிலே இல்ல
a - h neu | naalaiku kalyanam, gift-a vaangina TV innum varala, please yaaravadhu ippove phone pannunga
a - h neg | உங்க senior supervisor-கிட்ட பேசணும், என் complaint-ஐ யாருமே சீரியஸா எடுக்கல
a - - neg | vaangina hair dryer rendu vaarathula ninnu pochu, sutha waste
s S9 - neu | check-in link-ஓட reminder-ஐ flight-க்கு எத்தனை மணி நேரம் முன்னாடி அனுப்புவீங்க?
s S10 - neg | last time Saturday phone panninaa yaarum edukkala. Mexico office phone Saturday-la work aagumaa?
s S11 - neu | Venta Anticipada-ல அதிகபட்சம் எத்தனை சதவீதம் discount கிடைக்கும்? எவ்ளோ நாள் முன்னாடி book
    + பண்ணணும்?
s S12 - neu | Colombia-la book panninen, DIAN validate panna electronic invoice tharuveengala?
s S13 - pos | ரொம்ப excited-ஆ இருக்கோம்! கல்யாணத்தை வெளிநாட்டுல நடத்தலாம்னு plan, destination wedding நீங்க
    + organise பண்ணுவீங்களா?
s S14 h neu | en thambi electric wheelchair use pannuvaan, battery details evlo munnadi sollanum? yaaravadhu
    + call panni explain pannunga
s S1 - neu | நான் Chile-ல இருக்கேன், இங்க இருக்கற உங்க office-க்கு நேரா போய் cruise book பண்ண முடியுமா?
s S2 - neg | Basic ticket-a maatha mudiyaadhunu ippo dhaan therinjudhu, romba erichal. Tarifa Flexible-ku evlo
    + extra? first date change free-a?
s S3 - neg | flight மட்டும் cancel பண்ணேன், airline-ஐ பொறுத்து refund வர 30 நாள் வரைக்கும் ஆகுமா? இது ரொம்ப
    + late
s - - neu | cruise-la Tamil pesura staff yaaravadhu iruppaangala?
s - - neu | Seguro Solmar Total-ஐ ஒவ்வொரு trip-க்கும் தனியா எடுக்காம, வருஷம் முழுக்க multi-trip-ஆ எடுக்கலாமா?
s - - neu | Maldives-la water villa package irukkaa? honeymoon-ku paakkaren
s - - neu | Santorini-ல photoshoot பண்ண photographer-ஐ Solmar மூலமா book பண்ண முடியுமா?
s - - neu | Norway northern lights tour-la lights theriyalanaa refund tharuveengala?
s - h neu | Istanbul airport-ல என் பாஸ்போர்ட் காணாம போச்சு, Solmar-ல இருந்து யாராவது உடனே என்கிட்ட பேசுங்க
s - h neg | rendu thadava ore copy paste badhil. unga team-la yaaravadhu nijamave idha padikkiraangala?
s - h neg | already 3 email anuppitten, oru reply kooda illa. unga manager-e enakku call pannattum
s - - neg | Paris hotel-ல lift வேலை செய்யல, ஆறாவது மாடி வரைக்கும் ஏறி ஏறி கால் வலி, ரொம்ப மோசம்
d D5 - neu | race-ல ஓட்டினப்போ frame-ல crack வந்துடுச்சு, இது warranty-ல வருமா?
d D6 h neu | ungakitta bike vaangi rendu maasam aachu, first service free-a? slot book panna shop-la irundhu
    + yaaravadhu call pannunga
d D7 - pos | உங்க கடை super! ID இல்லாம bike rent எடுக்க முடியுமா? deposit-ஐ cash-ஆ கொடுக்கலாமா?
d D8 - neg | pudhu bike vilai romba jaasthi. en pazhaya bike-ku neenga cash-a kudupeengala?
d D9 - neu | கடையில Google Pay வச்சு pay பண்ணலாமா?
d - - neu | cycle-ku GPS tracker fit panni tharuveengala? thiruttu bayam
d - - neu | உங்க கடையில cycle-க்கு insurance விக்கறீங்களா?
d - h neg | இந்த chat-ல பேசி பேசி போதும், கடையில இருக்கற ஒருத்தர் என்னை call பண்ணுங்க
d - h neu | brake pidikkala, road oram nikkiren, yaaravadhu udane pesunga please
d - - neg | neenga maathuna chain oru vaarathulaye thuru pidichiduchu, idhellam oru service-a?
"""

# ---------------------------------------------------------------------------------------------------- te
BLOCKS["te"] = r"""
a A3 - neu | నా card India లో issue అయ్యింది, aurora.com.mx లో వాడొచ్చా? delivery Mexico City లోనే
a A4 - neu | tracking number SMS lo kuda vastunda leka email lo matrame na?
a A5 - neu | return label కోసం ఎక్కడ క్లిక్ చేయాలి? తిరిగి పంపడానికి shipping డబ్బులు నేను కట్టాలా?
a A6 h neu | SPEI transfer tho pay chesanu, refund naa bank account ki enni rojullo vastundi? evaraina call
    + chesi confirm cheyandi please
a A7 - neu | Protege తీసుకుంటే accidental damage claim సంవత్సరానికి ఎన్ని సార్లు చేయొచ్చు?
a A8 - pos | mee site chaala bagundi! Brazil site lo Elo card tho pay cheyyocha?
a A9 - neg | debit card తో installments పెట్టలేమా? ఇది చాలా అన్యాయం
a A10 - neg | CFDI request chesi rendu rojulu ayyindi, inka email raaledu. asalu entha time padutundi?
a A11 - neu | pickup code ఎలా పంపిస్తారు? SMS లోనా లేక email లోనా?
a A12 - neu | Buen Fin offer ki kuda price match chestara? Liverpool lo thakkuva undi
a - - neu | Aurora Plus సభ్యులకు పుట్టినరోజు offer ఏమైనా ఉంటుందా?
a - - neu | TV konte wall mount bracket free ga istara?
a - - neu | Polanco store లో కొత్త phone కి screen guard వేసి ఇస్తారా?
a - - neg | inni orders chesina emi ivvaru. asalu loyalty points program unda mee daggara?
a - - neu | Aurora లో ఉద్యోగ ఖాళీలు ఏమైనా ఉన్నాయా? warehouse లో పని కావాలి
a - h neg | hello? evaraina unnara akkada? naa order gurinchi moodu saarlu adigaanu
a - h neu | దయచేసి రేపు ఉదయం 10 లోపు నాకు ఫోన్ చేయండి, warranty విషయం మాట్లాడాలి
a - h neg | ee bot ki em ardham kavatledu, naaku ippude oka agent kaavali
a - h neu | నా account ఎవరో hack చేసి order పెట్టారు, మీ team లో ఎవరైనా వెంటనే చూడండి
a - - neg | konna mixer grinder motor modati roje kaalipoyindi, worst experience
s S4 - neu | New York flight కి ఒక extra suitcase తీసుకెళ్ళాలంటే ఎంత అవుతుంది?
s S5 - neu | documents sariga leka airline boarding deny chesindi anukondi, appudu refund vastunda?
s S6 h neu | Argentina లో booking చేస్తే ఎన్ని cuotas sin interés వస్తాయి? ఎవరైనా ఫోన్ చేసి వివరించండి
s S7 - neu | Seguro Total lo medical expenses entha varaku cover avutayi?
s S8 - neu | మా కుక్కతో వెళ్తున్నాం, pets allow చేసే hotel ఎలా వెతకాలి? రాత్రికి extra ఎంత?
s S9 - neg | airport lo check-in chesthe extra charge untunda? low cost airlines idi pure dopidi
s S10 - neg | పోయిన సారి email కి 5 రోజులు reply రాలేదు. అసలు email పంపితే ఎంత సమయంలో జవాబు ఇస్తారు?
s S11 - pos | mee offers super! newsletter ki subscribe ayithe welcome coupon entha, enni rojulu valid?
s S12 - neu | payment పూర్తయ్యాక invoice email కి ఎప్పుడు వస్తుంది?
s - - neg | పోయిన సారి hotel లో Wi-Fi అస్సలు పనిచేయలేదు. free Wi-Fi ఉన్న hotels మాత్రమే చూపించే filter ఉందా?
s - - neu | Dubai stopover package lo desert safari kuda include avutunda?
s - - neu | Solmar app లో friends తో ట్రిప్ ఖర్చులు పంచుకునే option ఏమైనా ఉందా?
s - - neu | Barcelona Formula 1 race tickets tho kalipi package ammutara?
s - - neu | naa Club Solmar points vachhe nela expire avutayi, extend cheyyocha?
s - h neu | మా నాన్న Lisbon airport లో తప్పిపోయారు, phone కలవట్లేదు, Solmar నుంచి ఎవరైనా వెంటనే నాకు call
    + చేయండి
s - h neg | chat lo reply ivvadam ledu, asalu akkada manushulu unnara? evaraina matladandi
s - h neg | cancel chesina trip refund ki rendu nelalu ayyindi, mee senior officer tho matladali
s - - neg | Madrid city tour bus లో AC పనిచేయలేదు, మూడు గంటలు చెమటలు కక్కాం, చాలా విసుగు
d D10 - neg | WhatsApp lo reply chaala late ga vastondi. shop phone number enti? workshop gurinchi urgent
    + question undi
d D1 - neu | weekday office అయ్యాక సాయంత్రం 6 కి bike ని workshop లో ఇవ్వొచ్చా?
d D2 - pos | mee shop gurinchi friends chaala manchiga cheppaaru! address enti?
d D3 - neu | మా ఇల్లు shop కి 6 km దూరం, కొత్త bike ని మీ van లో free గా తెస్తారా? ఏ రోజుల్లో?
d D4 h neu | konna bike computer naa phone tho connect avvatledu, box lo ne undi. return chesthe money enni
    + rojullo? evaraina call cheyandi
d - - neu | మా cycling club కోసం jerseys మీద custom print చేయించి ఇస్తారా?
d - - neu | naa normal cycle ki electric conversion kit fit chestara?
d - h neu | మీ shop నుంచి ఎవరైనా నాకు call చేయగలరా? కొత్త bike కొనాలి, చాలా సందేహాలు ఉన్నాయి
d - h neg | ee automated replies tho bore kodutondi, shop lo unna manishi evaraina reply ivvandi
d - - neg | మీరు వేసిన కొత్త tyre వారం లోనే పంక్చర్ అయ్యింది, అసలు quality లేదు
"""

# ---------------------------------------------------------------------------------------------------- fr
BLOCKS["fr"] = r"""
a A13 - neu | J'ai précommandé une console sur aurora.com.br, est-ce que je peux encore annuler avant la date
    + de sortie ?
a A15 - neg | Zut, le devis trade-in pour mon smartphone date d'il y a trois semaines. Il est encore valable ?
a - h neg | Quelqu'un peut me rappeler en français ? Impossible de me faire comprendre par votre robot
s S13 h neu | Pour notre voyage de fin d'études en groupe, le solde se paie combien de temps avant le départ ?
    + Un conseiller peut-il m'appeler ?
s S6 - neu | Vous acceptez les chèques ? Ma grand-mère veut payer son séjour comme ça
s - - neu | Est-ce que certaines de vos croisières partent de Marseille ?
d D2 - pos | J'adore vos vélos vus sur Instagram ! Je viens sans voiture : quel arrêt de tram est le plus
    + proche de la boutique ?
"""

# ---------------------------------------------------------------------------------------------------- it
BLOCKS["it"] = r"""
a A14 - neu | Mi è arrivato un mouse al posto della tastiera che avevo ordinato, ieri sera. Cosa devo fare?
a A16 h neu | Vorrei parlare con una persona vera: la domenica alle 11 c'è qualcuno in chat o solo
    + l'assistente?
a A6 - pos | Servizio fantastico finora! Per un reso conviene il credito Aurora? Quanto bonus danno e in
    + quanto tempo arriva?
s S14 - neu | Sono ipovedente e uso un lettore di schermo: il vostro sito è accessibile?
s S1 - neg | Il vostro sito si blocca sempre. Posso prenotare volo e hotel per telefono invece che online?
s - - neu | Avete pacchetti per la Sardegna con il noleggio della Vespa incluso?
d D9 - neu | Se compro online un casco, posso pagare con bonifico bancario?
"""

# ---------------------------------------------------------------------------------------------------- de
BLOCKS["de"] = r"""
a A9 - neu | Ich wohne in Guadalajara: Geht mit meiner Santander-Kreditkarte 6 Monate zinsfrei bei einem
    + Einkauf von MXN 1.600?
a A2 - neu | Meine Bestellung liegt bei 1.200 MXN. Muss ich für den Standardversand etwas zahlen?
a - - neu | Kann man bei Aurora Geräte auch mieten statt kaufen, zum Beispiel einen Beamer?
s S9 - neu | Wo finde ich den Buchungscode der Airline fürs Online-Check-in? Ich habe nur den von Solmar.
s S11 - neu | Kostet die Mitgliedschaft im Club Solmar etwas, und wie sammle ich Punkte?
s - h neg | Schon wieder ist in Palma niemand vom Transfer da. Ruft mich bitte sofort jemand von Solmar an!
d D4 - neu | Ich habe online eine Pumpe bestellt, die ich doch nicht brauche. Was kostet der Rückversand?
"""


# ---------------------------------------------------------------------------------------------------- checks


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
    """Lower-cased words with accents stripped (letters and digits only)."""
    flat = unicodedata.normalize("NFKD", text.lower())
    flat = "".join(ch for ch in flat if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+", flat)


def grams(seq, n=5):
    return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)}


def in_range(ch, lo_hi):
    return lo_hi[0] <= ch <= lo_hi[1]


def parse(errors):
    rows = []
    for lang, block in BLOCKS.items():
        for ln, line in enumerate(block.strip("\n").splitlines(), 1):
            where = f"{lang} block line {ln}"
            if not line.strip():
                errors.append(f"{where}: empty line")
                continue
            c = CONT.match(line)
            if c:
                if not rows or rows[-1]["language"] != lang:
                    errors.append(f"{where}: continuation without a row")
                else:
                    rows[-1]["text"] += " " + c.group(1)
                continue
            m = ROW.match(line)
            if not m:
                errors.append(f"{where}: does not parse: {line!r}")
                continue
            t, code, wh, sent, text = m.groups()
            tenant = TENANTS[t]
            section = None
            if code != "-":
                num = int(code[1:])
                if code[0] != t.upper():
                    errors.append(f"{where}: section {code} does not belong to tenant {tenant}")
                elif not 1 <= num <= len(HEADINGS[tenant]):
                    errors.append(f"{where}: section {code} is not in the heading table")
                else:
                    section = HEADINGS[tenant][num - 1]
            rows.append(
                {
                    "tenant": tenant,
                    "text": text,
                    "language": lang,
                    "answerable": code != "-",
                    "section": section,
                    "wants_human": wh == "h",
                    "sentiment": SENT[sent],
                    "_where": where,
                }
            )
    return rows


def check(rows, errors):
    # heading table = FAQ headings
    for name, path in (("aurora", EVAL_DIR / "aurora-faq.txt"), ("solmar", EVAL_DIR / "solmar-faq.txt")):
        if headings_txt(path) != HEADINGS[name]:
            errors.append(f"{name}: heading table differs from the headings of {path}")
    if headings_md(DEMO_FAQ) != HEADINGS["demo"]:
        errors.append(f"demo: heading table differs from the headings of {DEMO_FAQ}")

    faq_grams = set()
    for path in (EVAL_DIR / "aurora-faq.txt", EVAL_DIR / "solmar-faq.txt", DEMO_FAQ):
        faq_grams |= grams(words(path.read_text(encoding="utf-8")))

    seen = Counter(r["text"] for r in rows)
    for r in rows:
        text, where, lang = r["text"], r["_where"], r["language"]
        if not 20 <= len(text) <= 170:
            errors.append(f"{where}: text has {len(text)} characters (20-170)")
        if seen[text] > 1:
            errors.append(f"{where}: duplicated text")
        shared = grams(words(text)) & faq_grams
        if shared:
            errors.append(f"{where}: five words in common with an FAQ: {' '.join(sorted(shared)[0])!r}")
        indic = [ch for ch in text if in_range(ch, INDIC)]
        if lang in SCRIPTS:
            own = [ch for ch in indic if in_range(ch, SCRIPTS[lang])]
            if len(own) != len(indic):
                errors.append(f"{where}: letters of another Indic script")
            r["_native"] = bool(own)
        elif indic:
            errors.append(f"{where}: Indic letters in a {lang} row")

    # designed counts per language and tenant, sentiment counts per language
    got = defaultdict(Counter)
    sent = defaultdict(Counter)
    native = defaultdict(Counter)
    for r in rows:
        key = (r["answerable"], r["wants_human"])
        got[(r["language"], r["tenant"])][key] += 1
        sent[r["language"]][r["sentiment"]] += 1
        if r["language"] in SCRIPTS:
            native[(r["language"], r["tenant"])][r["_native"]] += 1
    for lang in BLOCKS:
        if lang not in DESIGN:
            errors.append(f"{lang}: no designed counts")
            continue
        for tenant, want in DESIGN[lang].items():
            c = got[(lang, tenant)]
            have = (c[(True, False)], c[(True, True)], c[(False, False)], c[(False, True)])
            if have != want:
                errors.append(f"{lang} {tenant}: counts {have} != designed {want}")
        pos, neg = SENTIMENT_COUNTS[lang]
        if (sent[lang]["positive"], sent[lang]["negative"]) != (pos, neg):
            errors.append(f"{lang}: positive/negative {sent[lang]['positive']}/{sent[lang]['negative']} != {pos}/{neg}")
        if lang in SCRIPTS:
            for tenant in TENANTS.values():
                n = native[(lang, tenant)]
                if n[True] != n[False]:
                    errors.append(f"{lang} {tenant}: {n[True]} native and {n[False]} Latin-letter rows")
    for lang in DESIGN:
        if lang not in BLOCKS:
            errors.append(f"{lang}: designed but no block")

    per_section = Counter((r["tenant"], r["section"]) for r in rows if r["section"])
    for tenant, heads in HEADINGS.items():
        for h in heads:
            if not 3 <= per_section[(tenant, h)] <= 5:
                errors.append(f"{tenant} {h!r}: {per_section[(tenant, h)]} answerable rows (3-5)")


def main():
    errors = []
    for path in (EVAL_DIR / "aurora-faq.txt", EVAL_DIR / "solmar-faq.txt", DEMO_FAQ):
        if not path.is_file():
            errors.append(f"FAQ file not found: {path}")
    rows = parse(errors)
    if not errors:
        check(rows, errors)
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print(f"{len(errors)} problem(s); {OUT.name} not written", file=sys.stderr)
        sys.exit(1)

    numbers = Counter()
    lines = []
    for r in rows:
        numbers[r["tenant"]] += 1
        msg = {"id": f"{PREFIX}-{r['tenant']}-{numbers[r['tenant']]:03d}"}
        msg.update({k: r[k] for k in ("tenant", "text", "language", "answerable", "section")})
        msg.update({k: r[k] for k in ("wants_human", "sentiment")})
        lines.append(json.dumps(msg, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} messages to {OUT}")


if __name__ == "__main__":
    main()
